package io.urop.stripe.emulator;

/** The frame of the emulator's pages: plain HTML, readable without styles or scripts. */
final class Html {

    private Html() {
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<':
                    escaped.append("&lt;");
                    break;
                case '>':
                    escaped.append("&gt;");
                    break;
                case '&':
                    escaped.append("&amp;");
                    break;
                case '"':
                    escaped.append("&quot;");
                    break;
                case '\'':
                    escaped.append("&#39;");
                    break;
                default:
                    escaped.append(c);
            }
        }
        return escaped.toString();
    }

    static String page(String lang, String title, String body) {
        return "<!DOCTYPE html>\n<html lang=\"" + escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + escape(title) + "</title>\n"
                + "<style>body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;}"
                + "label{display:block;margin-top:1rem;}input{display:block;width:100%;padding:.5rem;font-size:1rem;}"
                + "button{margin-top:1.5rem;padding:.75rem 1.5rem;font-size:1rem;}"
                + ".test-mode{background:#ffde92;padding:.25rem .5rem;}.error{color:#b00020;font-weight:bold;}</style>\n"
                + "</head>\n<body>\n<p class=\"test-mode\">Test mode: no real money moves.</p>\n<main>\n" + body
                + "</main>\n</body>\n</html>\n";
    }
}
