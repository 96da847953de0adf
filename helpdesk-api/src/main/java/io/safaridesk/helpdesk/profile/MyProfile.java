package io.safaridesk.helpdesk.profile;

import io.safaridesk.domain.profile.Profile;
import io.safaridesk.domain.profile.Profiles;
import io.safaridesk.helpdesk.image.UploadedImage;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.safaridesk.platform.error.ApiProblem;
import io.safaridesk.platform.storage.FileStore;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The caller's own profile in the workspace of their token, for every role (customers included): read, change, and
 * the avatar. Password and OTP stay with Keycloak's account console, which {@link Me#accountUrl()} links to.
 */
@Component
public class MyProfile {

    private final Profiles profiles;
    private final FileStore files;

    MyProfile(Profiles profiles, FileStore files) {
        this.profiles = profiles;
        this.files = files;
    }

    /** The caller's profile, and where the caller changes password and OTP. */
    public record Me(Profile profile, String accountUrl) {}

    /** An avatar's bytes and their sniffed media type. */
    public record Avatar(byte[] content, String mediaType) {}

    public Me view(TenantAuthentication caller) {
        return me(caller, profiles.of(identity(caller)));
    }

    public Me update(TenantAuthentication caller, Profiles.Changes changes) {
        return me(caller, profiles.update(identity(caller), changes));
    }

    public Me changeAvatar(TenantAuthentication caller, byte[] content) {
        UploadedImage avatar = UploadedImage.accept("avatar", content);
        String key = avatarKey(caller);
        files.put(caller.tenant(), key, avatar.content());
        return me(
                caller,
                profiles.avatarStored(identity(caller), key, avatar.type().mediaType()));
    }

    public Avatar avatar(TenantAuthentication caller) {
        Profile profile = profiles.of(identity(caller));
        if (profile.avatarKey() == null) {
            throw AvatarNotFound.forCaller();
        }
        return files.get(caller.tenant(), profile.avatarKey())
                .map(bytes -> new Avatar(bytes, profile.avatarType()))
                .orElseThrow(AvatarNotFound::forCaller);
    }

    private static Me me(TenantAuthentication caller, Profile profile) {
        return new Me(profile, caller.getToken().getIssuer() + "/account");
    }

    private static Profiles.Identity identity(TenantAuthentication caller) {
        var token = caller.getToken();
        String name = token.getClaimAsString("name");
        return new Profiles.Identity(
                caller.userId(),
                name == null ? token.getClaimAsString("preferred_username") : name,
                token.getClaimAsString("email"));
    }

    private static String avatarKey(TenantAuthentication caller) {
        return "avatars/" + UUID.nameUUIDFromBytes(caller.userId().getBytes(StandardCharsets.UTF_8));
    }

    /** The caller has no avatar. */
    static final class AvatarNotFound extends ApiProblem {
        private AvatarNotFound() {
            super(HttpStatus.NOT_FOUND, "avatar-not-found", "You have no avatar");
        }

        static AvatarNotFound forCaller() {
            return new AvatarNotFound();
        }
    }
}
