package io.safaridesk.domain.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationPreferencesRepository extends JpaRepository<NotificationPreferences, String> {}
