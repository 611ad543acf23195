"""Drives the explorer page in headless Chromium (selenium + chromedriver) and checks it.

Usage: explorer_browser.py PAGE EXPECTED.json SCREENSHOT.png

EXPECTED (written by tests/explorer_browser.rs from the Rust library) holds the time-filter
classification of a sample of relations and dates, the fewest hops between a pair of entities,
and an entity with a disagreement. Each classification case is [relation id, filter (null: none),
expected certainty or null, today as a day number, flags: "", "certain", "dated", "undated" or
"dated undated" (--certain, --dated-only, --undated)], as Filter::admits decides it. Prints one line per check and
`N passed, N failed`; exits 1 on any failure.
"""

import json
import os
import sys
import time
import zlib

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import check, chromium, finish, wait_for

page, expected_file, screenshot = sys.argv[1:4]
expected = json.load(open(expected_file, encoding="utf-8"))
driver, profile = chromium("1400,900", logging=True)
driver.set_page_load_timeout(60)
by_id = lambda i: driver.find_element(By.ID, i)
status = lambda: by_id("status").text
js = driver.execute_script

try:
    url = "file://" + os.path.abspath(page)
    driver.get(url)
    wait_for(lambda: js("return !!(window.diplograph && window.diplograph.cy)"))
    check("the page script ran", js("return !!window.diplograph"))
    check("the whole graph is drawn", js("return window.diplograph.cy.edges().length") > 0)

    # Search by an alias: the neighbourhood and the entity's details appear.
    box = by_id("search")
    box.send_keys(expected["alias"])
    hit = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, '#search-results li[data-id="%s"]' % expected["alias_of"]))
    check("searching an alias lists its entity", bool(hit), expected["alias"])
    hit[0].click()
    wait_for(lambda: by_id("details").get_attribute("data-entity") == expected["alias_of"])
    check("choosing it shows the entity", by_id("details").get_attribute("data-entity") == expected["alias_of"])
    check("the status names the neighbourhood", status().startswith(expected["alias_label"] + ", any time"), status())
    drawn = js("return window.diplograph.cy.nodes(':visible').length")
    check("the neighbourhood is drawn", drawn > 1, drawn)

    # The time slider: ticking "As of" and dragging change what is shown.
    before = status()
    by_id("time-on").click()
    after_tick = wait_for(lambda: status() if status() != before else None)
    check("ticking 'As of' filters by time", after_tick is not None and " as of " in status(), status())
    slider = by_id("slider")
    start_value = slider.get_attribute("value")
    shown = lambda: js("return window.diplograph.cy.edges(':visible').length")
    edges_before = shown()
    status_before = status()
    ActionChains(driver).click_and_hold(slider).move_by_offset(-slider.size["width"] // 3, 0).release().perform()
    moved = wait_for(lambda: slider.get_attribute("value") != start_value)
    check("dragging the slider changes the year", moved, slider.get_attribute("value"))
    check("the date box follows the slider", by_id("date").get_attribute("value") == slider.get_attribute("value"))
    check(
        "moving the slider changes the relations shown",
        status() != status_before and shown() != edges_before,
        (status_before, status(), edges_before, shown()),
    )
    # Typing a date: the same status format, and the count matches what Rust keeps.
    date_box = by_id("date")
    date_box.clear()
    date_box.send_keys(expected["typed_date"], Keys.ENTER)
    wait_for(lambda: (" as of " + expected["typed_date"] + ":") in status())
    counts = js(
        "var s = document.getElementById('status').dataset; return [+s.definite, +s.possible, +s.undated];"
    )
    check(
        "a typed date keeps what the CLI keeps around the entity",
        counts == expected["typed_counts"],
        (counts, expected["typed_counts"]),
    )
    check("a time filter leaves undated relations out by default", counts[2] == 0, counts)
    left_out = js("return +document.getElementById('status').dataset.leftOut;")
    check(
        "the status counts the undated relations left out, as the CLI does",
        left_out == expected["typed_left_out"] and "undated left out" in status(),
        (left_out, expected["typed_left_out"], status()),
    )
    # Ticking "undated too" (--undated) brings them in, marked; "dated only" (--dated-only) and
    # "definite only" (--certain) leave them out again.
    by_id("undated").click()
    wait_for(lambda: js("return +document.getElementById('status').dataset.undated;") == expected["typed_left_out"])
    undated_counts = js(
        "var s = document.getElementById('status').dataset; return [+s.definite, +s.possible, +s.undated, +s.leftOut];"
    )
    check(
        "'undated too' keeps them, marked undated",
        undated_counts == expected["typed_counts"][:2] + [expected["typed_left_out"], 0]
        and js("return window.diplograph.cy.edges('.undated:visible').length;") == expected["typed_left_out"],
        undated_counts,
    )
    by_id("dated").click()
    wait_for(lambda: js("return +document.getElementById('status').dataset.undated;") == 0)
    check(
        "'dated only' drops them",
        js("var s = document.getElementById('status').dataset; return [+s.undated, +s.leftOut];") == [0, 0],
        status(),
    )
    by_id("dated").click()
    by_id("certain").click()
    wait_for(lambda: js("return +document.getElementById('status').dataset.possible;") == 0)
    check(
        "'definite only' keeps only the definite",
        js("var s = document.getElementById('status').dataset; return [+s.definite, +s.possible, +s.undated];")
        == [expected["typed_counts"][0], 0, 0],
        status(),
    )
    by_id("certain").click()
    by_id("undated").click()
    wait_for(lambda: js("return +document.getElementById('status').dataset.leftOut;") == expected["typed_left_out"])

    shot_taken = False
    # Click a drawn edge (a real mouse click on the canvas): its date, sources and quotes. The
    # neighbourhood was just laid out again (a 300 ms animation): let it settle first.
    time.sleep(1)
    target = js(
        """var cy = window.diplograph.cy;
        var edges = cy.edges(':visible').filter(function (e) { return !e.hasClass('undated'); });
        if (!edges.length) edges = cy.edges(':visible');
        var e = edges[0], p = e.renderedMidpoint(), box = cy.container().getBoundingClientRect();
        return {id: window.diplograph.data.relations[e.data('relation')].id, x: p.x, y: p.y, w: box.width, h: box.height};"""
    )
    container = by_id("cy")
    ActionChains(driver).move_to_element_with_offset(
        container, int(target["x"] - target["w"] / 2), int(target["y"] - target["h"] / 2)
    ).click().perform()
    clicked = wait_for(lambda: by_id("details").get_attribute("data-relation"))
    check("clicking an edge shows a relation", bool(clicked), target)
    if clicked:
        relation = js(
            "var id = arguments[0]; return window.diplograph.data.relations.filter(function (r) { return r.id === id; })[0];",
            clicked,
        )
        quotes = [q.text for q in driver.find_elements(By.CSS_SELECTOR, "#details blockquote.quote")]
        check(
            "its quotes are shown verbatim",
            quotes == [e[1].replace("\r\n", "\n").strip() for e in relation["evidence"]] or quotes == [e[1] for e in relation["evidence"]],
            (quotes, relation["evidence"]),
        )
        # A quote whose claim records a text fragment is a link that opens its source at it.
        hrefs = [
            (a[0].get_attribute("href") if a else None)
            for a in (q.find_elements(By.CSS_SELECTOR, "a") for q in driver.find_elements(By.CSS_SELECTOR, "#details blockquote.quote"))
        ]
        check(
            "its quotes link to their sources at the quote",
            hrefs == [e[3] for e in relation["evidence"]]
            and all(e[3] is None or "#:~:text=" in e[3] for e in relation["evidence"]),
            (hrefs, relation["evidence"]),
        )
        titles = js("return window.diplograph.data.sources.map(function (s) { return s.title; });")
        text = by_id("details").text
        check(
            "its sources are named",
            all(titles[e[0]] in text for e in relation["evidence"]),
            text[:300],
        )
        check("its date is shown", by_id("relation-date").text != "", text[:200])
        # The picture of the README (docs/explorer.png): the entity as of the typed date, one
        # relation open with its source and its quote as a link.
        shot_taken = driver.save_screenshot(screenshot)

    # A disagreement is shown as such.
    date_box.clear()
    date_box.send_keys(Keys.ENTER)
    by_id("time-on").click() if by_id("time-on").is_selected() else None
    box.clear()
    box.send_keys(expected["disputed_entity_label"])
    hit = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, '#search-results li[data-id="%s"]' % expected["disputed_entity"]))
    hit[0].click()
    item = wait_for(
        lambda: driver.find_elements(By.CSS_SELECTOR, '#relation-list li[data-relation="%s"]' % expected["disputed_relation"])
    )
    check("the disputed relation is listed", bool(item), expected["disputed_relation"])
    if item:
        item[0].click()
        shown_dispute = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#details .disagreement"))
        check("a disagreement is shown as one", bool(shown_dispute))
        edge_red = js(
            "return window.diplograph.cy.edges('.disputed').length > 0;"
        )
        check("disputed relations are drawn red", edge_red)

    # Paths: fewest hops, as many as the Rust library finds, highlighted; then chronological.
    by_id("path-from").send_keys(expected["path_from"])
    by_id("path-to").send_keys(expected["path_to"])
    by_id("path-find").click()
    hops = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#path-result li[data-relation]"))
    check("a path is listed", len(hops) == expected["path_hops"], (len(hops), expected["path_hops"]))
    highlighted = js("return window.diplograph.cy.edges('.path').length")
    check("the path is highlighted", highlighted == expected["path_hops"], highlighted)
    driver.find_element(By.CSS_SELECTOR, 'input[name=path-mode][value=chronological]').click()
    by_id("path-find").click()
    chrono = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#path-result li"))
    check("a chronological path is answered", bool(chrono) and chrono[0].text != "", [c.text for c in chrono])

    # Kind filter: unticking a kind hides its entities.
    by_id("whole").click()
    before = js("return window.diplograph.cy.nodes(':visible').length")
    driver.find_element(By.CSS_SELECTOR, 'input[data-kind="state"]').click()
    states_shown = lambda: js("return window.diplograph.cy.nodes(':visible').filter(function (n) { return window.diplograph.data.entities[n.data('entity')].kind === 'state'; }).length")
    wait_for(lambda: states_shown() == 0, timeout=5)
    after = states_shown()
    check("unticking a kind hides its entities", after == 0 and before > 0, (before, after))
    driver.find_element(By.CSS_SELECTOR, 'input[data-kind="state"]').click()

    # The same certainty as the Rust library for every sampled relation and date.
    mismatches = js(
        """var cases = arguments[0], out = [];
        cases.forEach(function (c) {
          var got = window.diplograph.classify(c[0], c[1], c[3], c[4]);
          if (got !== c[2]) out.push([c[0], c[1], c[4], c[2], got]);
        });
        return out;""",
        expected["classify"],
    )
    check(
        "JS and Rust agree on %d classifications" % len(expected["classify"]),
        mismatches == [],
        mismatches[:10],
    )
    # And on spans the shipped graph does not have (approximate, uncertain, open, unknown ends).
    mismatches = js(
        """var out = [];
        arguments[0].forEach(function (c) {
          var got = window.diplograph.classifySpan(c[0], c[1], c[3]);
          if (got !== c[2]) out.push(c);
        });
        return out;""",
        expected["spans"],
    )
    check(
        "JS and Rust agree on %d classifications of made-up dates" % len(expected["spans"]),
        mismatches == [],
        mismatches[:10],
    )

    # A picture: non-blank (the graph canvas has many colours) and saved.
    by_id("search").clear()
    by_id("search").send_keys(expected["alias"])
    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, '#search-results li[data-id="%s"]' % expected["alias_of"]))[0].click()
    colours = js(
        """var seen = {}, n = 0;
        document.querySelectorAll('#cy canvas').forEach(function (c) {
          var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
          for (var i = 0; i < d.length; i += 4 * 7) {
            if (d[i + 3] === 0) continue;
            var k = d[i] + ',' + d[i + 1] + ',' + d[i + 2];
            if (!seen[k]) { seen[k] = 1; n++; }
          }
        });
        return n;"""
    )
    check("the drawing is not blank", colours > 20, colours)
    if not shot_taken:
        driver.save_screenshot(screenshot)
    png = open(screenshot, "rb").read()
    pos, idat = 8, b""
    while pos < len(png):
        length = int.from_bytes(png[pos : pos + 4], "big")
        if png[pos + 4 : pos + 8] == b"IDAT":
            idat += png[pos + 8 : pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(idat)
    check("the screenshot is not blank", len(set(pixels[:: 97])) > 30, len(set(pixels[::97])))

    # No console error, no network request.
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check("no console error", errors == [], errors)
    requests = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            params = message["params"]
            requested = params["request"]["url"]
            # What the page asked for (anything but itself), and anything sent over a network
            # from anywhere (Chromium's own chrome:// pages, e.g. the blank tab before the
            # page is opened, are no network request).
            from_page = params.get("documentURL") == url and requested != url
            networked = requested.split(":", 1)[0].lower() in ("http", "https", "ws", "wss", "ftp")
            if from_page or networked:
                requests.append(requested)
    check("no network request", requests == [], requests)
finally:
    finish(driver, profile)
