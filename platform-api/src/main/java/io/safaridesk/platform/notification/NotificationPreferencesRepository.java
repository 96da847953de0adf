package io.safaridesk.platform.notification;

import org.springframework.data.jpa.repository.JpaRepository;

interface NotificationPreferencesRepository extends JpaRepository<NotificationPreferences, String> {}
