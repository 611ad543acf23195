"""Opens a local copy of a source page at a text-fragment link in headless Chromium and checks
that the browser scrolls to the quote and highlights it.

Usage: text_fragment_browser.py SOURCE_TEXT FRAGMENT EXPECTED SCREENSHOT.png

SOURCE_TEXT is one of the source texts (../shared/sources/<id>.txt); it is turned into an HTML
page the way a browser would show the original (a paragraph per line, a table row per `|` line,
a heading per `== … ==` line) and served over http://127.0.0.1 (text fragments apply to
top-level navigations of http(s) pages). FRAGMENT is the fragment directive of a link the graph
records (`text=…`); EXPECTED a piece of the quote's text the fragment must bring into view.

Checks: without the fragment the page opens at the top; with it, the page scrolls so that the
element holding EXPECTED is in the viewport, and the highlight of the matched text is seen in a
screenshot (the page styles `::target-text` with a colour nothing else uses, and the pixels of
that colour are counted); a click on the link in another page (`target="_blank"`, as the explorer
writes a quote) opens a new tab scrolled to the quote; a fragment that matches nothing leaves the
page at the top. Prints one
line per check and `N passed, N failed`; exits 1 on any failure.
"""

import html
import http.server
import os
import shutil
import struct
import sys
import tempfile
import threading
import time
import zlib

from browser import check, chromium, finish, wait_for

source_text, fragment, expected, screenshot = sys.argv[1:5]
# The highlight colour: the page's ::target-text rule, and nothing else on the page.
MARK = (255, 0, 255)


def page(text):
    """The source text as the HTML page a reader would see."""
    out = [
        "<!doctype html><html lang='en'><head><meta charset='utf-8'><title>source</title>",
        "<style>body{font:18px/1.5 sans-serif;max-width:44em;margin:2em auto}"
        "td{border:1px solid #ccc;padding:2px 6px}"
        "::target-text{background-color:rgb(%d,%d,%d);color:#000}</style></head><body>" % MARK,
    ]
    table = False
    for line in text.splitlines():
        body = line.strip()
        if body.startswith("|"):
            if not table:
                out.append("<table>")
                table = True
            cells = [c.strip() for c in body.strip("|").split("|")]
            out.append("<tr>" + "".join("<td>%s</td>" % html.escape(c) for c in cells) + "</tr>")
            continue
        if table:
            out.append("</table>")
            table = False
        if not body:
            continue
        if len(body) >= 2 and body.startswith("=") and body.endswith("="):
            out.append("<h2>%s</h2>" % html.escape(body.strip("= ")))
        elif body.startswith("\u2022"):
            out.append("<ul><li>%s</li></ul>" % html.escape(body.lstrip("\u2022 ")))
        else:
            out.append("<p>%s</p>" % html.escape(body))
    if table:
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out)


def png_pixels(path):
    """(width, height, rows of RGB(A) bytes) of a PNG, for 8-bit RGB or RGBA."""
    data = open(path, "rb").read()
    pos, idat, width, height, channels = 8, b"", 0, 0, 3
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos : pos + 8])
        chunk = data[pos + 8 : pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", chunk[:10])
            channels = {2: 3, 6: 4}[colour]
            assert depth == 8
        elif kind == b"IDAT":
            idat += chunk
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * channels
    rows, prev, i = [], bytearray(stride), 0
    for _ in range(height):
        kind, line = raw[i], bytearray(raw[i + 1 : i + 1 + stride])
        i += 1 + stride
        for x in range(stride):
            a = line[x - channels] if x >= channels else 0
            b = prev[x]
            c = prev[x - channels] if x >= channels else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(line)
        prev = line
    return width, height, channels, rows


def marked_pixels(path):
    width, height, channels, rows = png_pixels(path)
    return sum(
        1
        for row in rows
        for x in range(0, width * channels, channels)
        if tuple(row[x : x + 3]) == MARK
    )


site = tempfile.mkdtemp(prefix="diplograph-fragment-")
with open(os.path.join(site, "source.html"), "w", encoding="utf-8") as f:
    f.write(page(open(source_text, encoding="utf-8").read()))
# A page with the link as the explorer writes a quote: a click opens it in a new tab.
with open(os.path.join(site, "links.html"), "w", encoding="utf-8") as f:
    f.write(
        "<!doctype html><meta charset='utf-8'><title>links</title>"
        "<blockquote><a id='quote' href='source.html#:~:%s' target='_blank' rel='noreferrer'>the quote</a></blockquote>"
        % html.escape(fragment, quote=True)
    )


class Quiet(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, directory=site, **kwargs)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
base = "http://127.0.0.1:%d/source.html" % server.server_address[1]

driver, profile = chromium("1200,800", ["--enable-features=TextFragmentIdentifiers"])
driver.set_page_load_timeout(30)
js = driver.execute_script

# Where the element holding EXPECTED is, relative to the viewport (null when none holds it).
WHERE = """
var want = arguments[0].toLowerCase(), best = null;
document.querySelectorAll('p, td, li, h2').forEach(function (el) {
  if (best === null && el.textContent.replace(/\\s+/g, ' ').toLowerCase().indexOf(want) >= 0) best = el;
});
if (!best) return null;
var r = best.getBoundingClientRect();
return {top: r.top, bottom: r.bottom, height: window.innerHeight, scroll: window.scrollY};
"""


def open_at(url):
    # A fresh top-level navigation each time: a text fragment is not applied to a navigation
    # within the same document.
    driver.get("about:blank")
    driver.get(url)
    wait_for(lambda: js("return document.readyState") == "complete")


try:
    open_at(base)
    time.sleep(0.5)
    where = js(WHERE, expected)
    check("the page holds the quote", where is not None, expected)
    check("without a fragment the page opens at the top", js("return window.scrollY") == 0, js("return window.scrollY"))
    check(
        "the quote starts below the first screen (so a scroll is needed)",
        where is not None and where["top"] > where["height"],
        where,
    )
    check("Chromium supports text fragments", js("return 'fragmentDirective' in document"), "no document.fragmentDirective")

    open_at(base + "#:~:" + fragment)
    scrolled = wait_for(lambda: js("return window.scrollY") > 0, timeout=5)
    where = js(WHERE, expected)
    check("the link scrolls the page", bool(scrolled), js("return window.scrollY"))
    check(
        "the quote is in view",
        where is not None and where["bottom"] > 0 and where["top"] < where["height"],
        where,
    )
    check("the fragment directive is not left in the address's fragment", ":~:" not in js("return location.hash"), js("return location.hash"))
    time.sleep(0.5)
    driver.save_screenshot(screenshot)
    marked = marked_pixels(screenshot)
    check("the quote is highlighted (::target-text pixels in the screenshot)", marked > 200, marked)

    # As in the explorer: a click on a quote's link opens the source in a new tab, at the quote.
    open_at(base.replace("source.html", "links.html"))
    first = driver.current_window_handle
    driver.find_element("id", "quote").click()
    wait_for(lambda: len(driver.window_handles) > 1, timeout=5)
    others = [h for h in driver.window_handles if h != first]
    check("a click on the quote's link opens a new tab", bool(others), driver.window_handles)
    if others:
        driver.switch_to.window(others[0])
        wait_for(lambda: js("return document.readyState") == "complete")
        scrolled = wait_for(lambda: js("return window.scrollY") > 0, timeout=5)
        where = js(WHERE, expected)
        check(
            "the new tab is scrolled to the quote",
            bool(scrolled) and where is not None and where["bottom"] > 0 and where["top"] < where["height"],
            where,
        )
        driver.close()
        driver.switch_to.window(first)

    open_at(base + "#:~:text=nothing%20of%20the%20sort%20zzzq")
    time.sleep(1)
    check("a fragment that matches nothing leaves the page at the top", js("return window.scrollY") == 0, js("return window.scrollY"))
    path = screenshot + ".none.png"
    driver.save_screenshot(path)
    check("and highlights nothing", marked_pixels(path) == 0, marked_pixels(path))
finally:
    server.shutdown()
    shutil.rmtree(site, ignore_errors=True)
    finish(driver, profile)
