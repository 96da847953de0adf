/** Exports of tickets to CSV and spreadsheets: jobs, files and signed, expiring download links. */
@ApplicationModule(allowedDependencies = {"agent", "settings", "ticket"})
package io.safaridesk.domain.export;

import org.springframework.modulith.ApplicationModule;
