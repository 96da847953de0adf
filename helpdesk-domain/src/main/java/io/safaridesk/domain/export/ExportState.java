package io.safaridesk.domain.export;

/** Where an export is: waiting for the worker, being written, downloadable, failed, or past its time (file deleted). */
public enum ExportState {
    QUEUED,
    RUNNING,
    READY,
    FAILED,
    EXPIRED
}
