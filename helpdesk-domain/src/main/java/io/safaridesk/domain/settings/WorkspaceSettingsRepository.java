package io.safaridesk.domain.settings;

import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceSettingsRepository extends JpaRepository<WorkspaceSettings, Short> {}
