//! A clinic's logo: a PNG file from its pack, shown beside its name. It
//! reaches the webview as a `data:` URL, so the page still loads nothing
//! from outside the app.

use base64::Engine;

use super::config::CONFIG_FILE;
use super::files::PackFiles;
use super::problem::Problem;

const PNG_SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// The logo as a `data:` URL, or the problem with it.
pub fn logo_data_url(files: &PackFiles, name: &str) -> Result<String, Problem> {
    let Some(bytes) = files.image(name) else {
        return Err(Problem::in_file(
            CONFIG_FILE,
            format!("`logo` names {name:?}, but there is no such file beside course.toml"),
        ));
    };
    if !bytes.starts_with(PNG_SIGNATURE) {
        return Err(Problem::in_file(
            name,
            "is not a PNG image (its first bytes are not a PNG signature)",
        ));
    }
    Ok(format!(
        "data:image/png;base64,{}",
        base64::engine::general_purpose::STANDARD.encode(bytes)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack_with(name: &str, bytes: &[u8]) -> PackFiles {
        PackFiles::from_pairs(Vec::<(String, String)>::new()).with_image(name, bytes.to_vec())
    }

    #[test]
    fn a_png_becomes_a_data_url() {
        let mut png = PNG_SIGNATURE.to_vec();
        png.extend_from_slice(b"rest");
        let url = logo_data_url(&pack_with("logo.png", &png), "logo.png").unwrap();
        assert_eq!(url, "data:image/png;base64,iVBORw0KGgpyZXN0");
    }

    #[test]
    fn a_missing_logo_is_named_in_course_toml() {
        let problem =
            logo_data_url(&pack_with("other.png", PNG_SIGNATURE), "logo.png").unwrap_err();
        assert_eq!(problem.file, "course.toml");
        assert!(problem.message.contains("\"logo.png\""), "{problem}");
    }

    #[test]
    fn a_file_that_is_not_png_is_refused() {
        let problem =
            logo_data_url(&pack_with("logo.png", b"<svg onload=x>"), "logo.png").unwrap_err();
        assert_eq!(
            problem.to_string(),
            "logo.png: is not a PNG image (its first bytes are not a PNG signature)"
        );
    }
}
