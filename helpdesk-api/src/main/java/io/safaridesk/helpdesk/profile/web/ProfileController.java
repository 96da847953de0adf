package io.safaridesk.helpdesk.profile.web;

import static io.safaridesk.helpdesk.security.Caller.SIGNED_IN;

import io.safaridesk.domain.profile.Profile;
import io.safaridesk.domain.profile.Profiles;
import io.safaridesk.helpdesk.profile.MyProfile;
import io.safaridesk.helpdesk.security.Callers;
import io.safaridesk.helpdesk.security.TenantAuthentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Instant;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@Callers(SIGNED_IN)
@Tag(name = "Users")
@RestController
class ProfileController {

    private final MyProfile profiles;

    ProfileController(MyProfile profiles) {
        this.profiles = profiles;
    }

    record ProfileRequest(
            @Size(max = 200) String name,
            @Size(max = 50) String phone,
            @Size(max = 10_000) String signature,
            @Size(max = 20) String availability,
            @Size(max = 64) String timeZone,
            @Size(max = 35) String language) {

        Profiles.Changes toChanges() {
            return new Profiles.Changes(name, phone, signature, availability, timeZone, language);
        }
    }

    record ProfileView(
            String userId,
            String name,
            String email,
            String phone,
            String signature,
            String availability,
            String timeZone,
            String language,
            String avatarUrl,
            String accountUrl,
            Instant updatedAt,
            int version) {

        static ProfileView of(MyProfile.Me me) {
            Profile p = me.profile();
            return new ProfileView(
                    p.userId(),
                    p.name(),
                    p.email(),
                    p.phone(),
                    p.signature(),
                    p.availability().name().toLowerCase(java.util.Locale.ROOT),
                    p.timeZone(),
                    p.language(),
                    p.avatarKey() == null ? null : "/api/v1/users/me/avatar",
                    me.accountUrl(),
                    p.updatedAt(),
                    p.version());
        }
    }

    @Operation(summary = "The caller's profile; account_url is where password and OTP are changed")
    @GetMapping("/api/v1/users/me")
    ProfileView me(TenantAuthentication caller) {
        return ProfileView.of(profiles.view(caller));
    }

    @Operation(summary = "Changes the caller's profile (signature HTML is sanitised)")
    @PutMapping("/api/v1/users/update")
    ProfileView update(TenantAuthentication caller, @Valid @RequestBody ProfileRequest request) {
        return ProfileView.of(profiles.update(caller, request.toChanges()));
    }

    @Operation(summary = "Replaces the caller's avatar: a PNG, JPEG or WebP image of at most 1 MB, as part 'avatar'")
    @PutMapping(value = "/api/v1/users/me/avatar", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ProfileView changeAvatar(TenantAuthentication caller, @RequestParam("avatar") MultipartFile avatar)
            throws IOException {
        return ProfileView.of(profiles.changeAvatar(caller, avatar.getBytes()));
    }

    @GetMapping("/api/v1/users/me/avatar")
    ResponseEntity<byte[]> avatar(TenantAuthentication caller) {
        MyProfile.Avatar avatar = profiles.avatar(caller);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(avatar.mediaType()))
                .cacheControl(CacheControl.noCache().cachePrivate())
                .header("X-Content-Type-Options", "nosniff")
                .body(avatar.content());
    }
}
