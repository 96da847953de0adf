package io.safaridesk.platform.html;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SafeHtmlUnitTests {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<p>Hi</p><script>alert(1)</script>",
                "<p>Hi</p><SCRIPT src=\"https://evil.example/x.js\"></SCRIPT>",
                "<img src=\"x.png\" onerror=\"alert(1)\">",
                "<p onclick=\"alert(1)\" onmouseover=\"alert(1)\">Hi</p>",
                "<a href=\"javascript:alert(1)\">click</a>",
                "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
                "<a href=\" javascript:alert(1)\">click</a>",
                "<a href=\"&#106;avascript:alert(1)\">click</a>",
                "<a href=\"java&#x09;script:alert(1)\">click</a>",
                "<img src=\"javascript:alert(1)\">",
                "<svg><script>alert(1)</script></svg>",
                "<svg onload=\"alert(1)\"><g><circle r=\"1\"/></g></svg>",
                "<svg><a xlink:href=\"javascript:alert(1)\"><text>click</text></a></svg>",
                "<math><mtext><svg><img src=\"x.png\" onerror=\"alert(1)\"></svg></mtext></math>",
                "<div><svg><foreignObject><iframe src=\"javascript:alert(1)\"></iframe></foreignObject></svg></div>",
                "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
                "<p style=\"background:url(javascript:alert(1))\">Hi</p>",
                "<form action=\"javascript:alert(1)\"><button>Go</button></form>",
                "<object data=\"javascript:alert(1)\"></object><embed src=\"javascript:alert(1)\">"
            })
    void stripsScriptsEventHandlersJavascriptUrlsAndSvg(String html) {
        String clean = SafeHtml.clean(html).toLowerCase(Locale.ROOT);

        assertThat(clean)
                .doesNotContain("<script", "javascript", "alert", "onerror", "onload", "onclick", "onmouseover")
                .doesNotContain("<svg", "<math", "<iframe", "<object", "<embed", "<form", "style=");
    }

    @Test
    void keepsFormattingLinksImagesAndTables() {
        String clean = SafeHtml.clean("<h2>Reset</h2><p><b>Open</b> <a href=\"https://acme.example/help\">help</a></p>"
                + "<ul><li>one</li></ul><img src=\"https://acme.example/a.png\" alt=\"A\">"
                + "<table><tr><td>x</td></tr></table>");

        assertThat(clean)
                .contains("<h2>Reset</h2>", "<b>Open</b>", "href=\"https://acme.example/help\"", "<li>one</li>")
                .contains("src=\"https://acme.example/a.png\"", "<td>x</td>");
    }

    @Test
    void keepsTheTextOfRemovedSvgButNotOfScripts() {
        assertThat(SafeHtml.clean("<svg><text>click me</text><script>steal()</script></svg>"))
                .contains("click me")
                .doesNotContain("steal");
    }
}
