#!/usr/bin/python3
"""Prints the accessibility tree the app's webview gives a screen reader,
read over AT-SPI (Debian's python3-pyatspi), as one JSON object on stdout.

Run by tests/e2e/screen_reader.rs inside the test's own D-Bus session
(DBUS_SESSION_BUS_ADDRESS), where the app runs with the accessibility bus
on. It only reads: what to assert is the Rust test's job.

The tree starts at the webview's document (role "document web"), since
that is what changes from screen to screen; the window frame around it is
GTK's and says nothing about the course. Exits 2 when no document is
exposed yet (the test retries: the tree appears a moment after launch).
"""

import json
import sys

import pyatspi

# States a learner's screen reader announces; the rest are noise here.
STATES = {
    pyatspi.STATE_CHECKED: "checked",
    pyatspi.STATE_FOCUSED: "focused",
    pyatspi.STATE_EXPANDED: "expanded",
    pyatspi.STATE_COLLAPSED: "collapsed",
    pyatspi.STATE_REQUIRED: "required",
    pyatspi.STATE_INVALID_ENTRY: "invalid",
    pyatspi.STATE_SELECTED: "selected",
    pyatspi.STATE_FOCUSABLE: "focusable",
    pyatspi.STATE_SHOWING: "showing",
}


def text_of(node):
    """The object's own text (a paragraph's words, a live region's
    message), which AT-SPI keeps apart from its name."""
    try:
        text = node.queryText()
    except NotImplementedError:
        return ""
    # U+FFFC stands for each embedded child object in WebKit's text.
    return text.getText(0, -1).replace("\ufffc", "").strip()


def describe(node, depth=0):
    if depth > 200:
        raise RuntimeError("tree deeper than 200: a cycle?")
    attributes = dict(
        a.split(":", 1) for a in (node.getAttributes() or []) if ":" in a
    )
    states = node.getState()
    return {
        "role": node.getRoleName(),
        "name": node.name or "",
        "description": node.description or "",
        "level": attributes.get("level", ""),
        "xml_roles": attributes.get("xml-roles", ""),
        "tag": attributes.get("tag", ""),
        "id": attributes.get("id", ""),
        "states": [word for state, word in STATES.items() if states.contains(state)],
        "text": text_of(node),
        "children": [describe(child, depth + 1) for child in node if child is not None],
    }


def find_document(node, depth=0):
    if node is None or depth > 40:
        return None
    if node.getRoleName() == "document web":
        return node
    for child in node:
        found = find_document(child, depth + 1)
        if found is not None:
            return found
    return None


def main():
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        document = find_document(app)
        if document is not None:
            json.dump(describe(document), sys.stdout)
            return 0
    print("no web document on the accessibility bus yet", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
