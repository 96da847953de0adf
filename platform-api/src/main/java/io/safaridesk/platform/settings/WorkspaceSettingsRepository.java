package io.safaridesk.platform.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceSettingsRepository extends JpaRepository<WorkspaceSettings, Short> {}
