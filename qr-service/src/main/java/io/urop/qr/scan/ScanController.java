package io.urop.qr.scan;

import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * {@code GET /q/{token}}: what a phone's camera opens (public, no token). A 303 to the customer app, with the cookie
 * that makes the phone's next scan the same guest ({@link Device}), or a refusal: a page for a browser,
 * {@code application/problem+json} for any other client.
 */
@RestController
class ScanController {

    private final Scan scan;
    private final ScanProperties properties;

    ScanController(Scan scan, ScanProperties properties) {
        this.scan = scan;
        this.properties = properties;
    }

    @GetMapping("/q/{token}")
    ResponseEntity<?> scan(@PathVariable String token,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @CookieValue(name = Device.COOKIE, required = false) String deviceCookie, HttpServletRequest request) {
        Scan.Outcome outcome = scan.scan(token, Device.presented(deviceCookie));
        if (outcome instanceof Scan.Admitted admitted) {
            // as long as the longest session, renewed by each scan: the phone is known for as long as it can be seated
            ResponseCookie device = admitted.device().cookie(request.isSecure(), properties.sessionMaxLife());
            return ResponseEntity.status(HttpStatus.SEE_OTHER).location(admitted.app()).cacheControl(CacheControl.noStore())
                    .header("Referrer-Policy", "no-referrer").header(HttpHeaders.SET_COOKIE, device.toString()).build();
        }
        Scan.Refused refused = (Scan.Refused) outcome;
        Scan.Refusal refusal = refused.reason();
        ResponseEntity.BodyBuilder response = ResponseEntity.status(refusal.status).cacheControl(CacheControl.noStore());
        if (prefersHtml(accept)) {
            return response.contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                    .body(page(refusal.title, refused.detail()));
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(refusal.status), refused.detail());
        problem.setType(refusal.type);
        problem.setTitle(refusal.title);
        return response.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** Whether the client lists HTML before any JSON type, as a phone's browser does (a missing header: JSON). */
    private static boolean prefersHtml(String accept) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        try {
            for (MediaType type : MediaType.parseMediaTypes(accept)) {
                if (type.getQualityValue() == 0 || type.isWildcardType()) {
                    continue;
                }
                if (type.isCompatibleWith(MediaType.TEXT_HTML)) {
                    return true;
                }
                if (type.isCompatibleWith(MediaType.APPLICATION_JSON) || type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)) {
                    return false;
                }
            }
        }
        catch (RuntimeException e) {
            return false;
        }
        return false;
    }

    private static String page(String title, String detail) {
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title></head>
                <body style="font-family: sans-serif; max-width: 32em; margin: 3em auto; padding: 0 1em">
                <h1>%s</h1><p>%s</p></body></html>
                """.formatted(HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(title), HtmlUtils.htmlEscape(detail));
    }
}
