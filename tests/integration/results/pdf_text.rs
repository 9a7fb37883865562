//! Reading generated PDFs back with poppler's `pdftotext` (Debian `poppler-utils`, installed by
//! `.ci/run`): the text in reading order, and every word's box, to prove nothing is drawn
//! outside the page.

use std::io::Write;
use std::process::Command;

fn run(args: &[&str], bytes: &[u8]) -> String {
    assert!(bytes.starts_with(b"%PDF"), "a PDF");
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(bytes).unwrap();
    let path = file.path().to_str().unwrap().to_owned();
    let out = Command::new("pdftotext")
        .args(args)
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8(out.stdout).unwrap()
}

/// The text in reading order, every run of white space (line ends too) squeezed to one space,
/// so a phrase wrapped across lines is still found.
pub fn text(bytes: &[u8]) -> String {
    run(&[], bytes)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The number of pages.
pub fn pages(bytes: &[u8]) -> usize {
    run(&[], bytes).matches('\u{c}').count()
}

fn attr(tag: &str, name: &str) -> f64 {
    let start = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// Every word lies inside its page, at least `margin` points from each edge.
pub fn assert_inside_pages(bytes: &[u8], margin: f64) {
    let html = run(&["-bbox"], bytes);
    let mut page = (0.0, 0.0);
    let mut words = 0;
    for tag in html.split('<').skip(1) {
        if tag.starts_with("page ") {
            page = (attr(tag, "width"), attr(tag, "height"));
        } else if tag.starts_with("word ") {
            words += 1;
            let (x0, y0, x1, y1) = (
                attr(tag, "xMin"),
                attr(tag, "yMin"),
                attr(tag, "xMax"),
                attr(tag, "yMax"),
            );
            let word = tag.split('>').nth(1).unwrap_or_default();
            assert!(
                x0 >= margin && y0 >= margin && x1 <= page.0 - margin && y1 <= page.1 - margin,
                "`{word}` at ({x0}, {y0})–({x1}, {y1}) leaves the page {page:?}"
            );
        }
    }
    assert!(words > 0, "the PDF has text");
}
