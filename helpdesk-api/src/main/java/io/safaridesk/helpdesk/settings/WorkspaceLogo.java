package io.safaridesk.helpdesk.settings;

import io.safaridesk.domain.settings.Settings;
import io.safaridesk.domain.settings.WorkspaceSettings;
import io.safaridesk.helpdesk.image.UploadedImage;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.storage.FileStore;
import io.safaridesk.platform.tenancy.TenantContext;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** The logo of the workspace in context, used in its emails and portal; kept in the workspace's part of the store. */
@Component
public class WorkspaceLogo {

    static final String KEY = "branding/logo";

    private final Settings settings;
    private final FileStore files;

    WorkspaceLogo(Settings settings, FileStore files) {
        this.settings = settings;
        this.files = files;
    }

    /** The logo's bytes and media type. */
    public record Logo(byte[] content, String mediaType) {}

    public WorkspaceSettings change(byte[] content) {
        UploadedImage logo = UploadedImage.accept("logo", content);
        files.put(TenantContext.current(), KEY, logo.content());
        return settings.logoStored(logo.type().mediaType());
    }

    public Logo current() {
        String mediaType = settings.current().logoType();
        if (mediaType == null) {
            throw new NoLogo();
        }
        return files.get(TenantContext.current(), KEY)
                .map(bytes -> new Logo(bytes, mediaType))
                .orElseThrow(NoLogo::new);
    }

    /** The workspace has no logo yet. */
    static final class NoLogo extends ApiProblem {
        NoLogo() {
            super(HttpStatus.NOT_FOUND, "logo-not-found", "The workspace has no logo");
        }
    }
}
