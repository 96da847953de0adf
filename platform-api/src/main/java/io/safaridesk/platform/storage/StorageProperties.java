package io.safaridesk.platform.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code safaridesk.storage.path}: the folder uploaded files are kept in, one sub-folder per workspace. */
@ConfigurationProperties("safaridesk.storage")
public record StorageProperties(Path path) {}
