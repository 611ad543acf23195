"""What the headless-Chromium checks share (tests/export/*_browser.py): one line per check, waiting
for a condition, a Chromium of its own with a throw-away profile, and the closing count."""

import os
import shutil
import sys
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

results = []


def check(name, ok, detail=""):
    """Prints `ok NAME` or `FAILED NAME: DETAIL` and remembers which."""
    results.append(ok)
    print(("ok      " if ok else "FAILED  ") + name + ("" if ok else ": " + str(detail)))


def wait_for(condition, timeout=10):
    """The first true value of `condition()` within `timeout` seconds, else its last value."""
    end = time.time() + timeout
    while time.time() < end:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def chromium(window, extra_flags=(), logging=False):
    """A headless Chromium (DIPLOGRAPH_CHROMIUM, DIPLOGRAPH_CHROMEDRIVER) with its own profile
    folder, no background traffic and a window of `window` (e.g. "1400,900"); returns the driver
    and the profile folder, which `finish` removes."""
    profile = tempfile.mkdtemp(prefix="diplograph-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("DIPLOGRAPH_CHROMIUM", "/usr/bin/chromium")
    for flag in [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        *extra_flags,
        "--user-data-dir=" + profile,
        "--window-size=" + window,
    ]:
        options.add_argument(flag)
    if logging:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(
        service=Service(os.environ.get("DIPLOGRAPH_CHROMEDRIVER", "/usr/bin/chromedriver")), options=options
    )
    return driver, profile


def finish(driver, profile):
    """Quits the browser, removes its profile, prints `N passed, N failed` and exits 1 on a
    failure."""
    driver.quit()
    shutil.rmtree(profile, ignore_errors=True)
    failed = results.count(False)
    print("%d passed, %d failed" % (results.count(True), failed))
    sys.exit(1 if failed else 0)
