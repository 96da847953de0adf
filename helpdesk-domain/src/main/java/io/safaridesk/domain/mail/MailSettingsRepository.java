package io.safaridesk.domain.mail;

import org.springframework.data.jpa.repository.JpaRepository;

interface MailSettingsRepository extends JpaRepository<MailSettings, Short> {}
