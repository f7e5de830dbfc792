"""The situation page at `/`: what each side claims, side by side, for people; behind a read key kept
in a cookie. Everything on it came from strangers' feeds: templates escape, the page sends a strict
Content-Security-Policy, and links are kept only when they are http(s)."""
