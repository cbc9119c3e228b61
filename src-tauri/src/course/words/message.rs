//! A sentence to say later, in whatever language is in use then: a catalog
//! key and its values, made where no catalog is at hand (errors, notices).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    key: &'static str,
    args: Vec<(&'static str, Arg)>,
}

/// A placeholder's value: plain text, or words of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Words(Message),
}

impl Message {
    pub fn new(key: &'static str) -> Message {
        Message {
            key,
            args: Vec::new(),
        }
    }

    /// Fills `{name}` with `value` as it is (a number, a path, a title).
    pub fn with(self, name: &'static str, value: impl fmt::Display) -> Message {
        self.with_arg(name, Arg::Text(value.to_string()))
    }

    /// Fills `{name}` with another message, said in the same language.
    pub fn with_words(self, name: &'static str, words: Message) -> Message {
        self.with_arg(name, Arg::Words(words))
    }

    pub fn with_arg(mut self, name: &'static str, arg: Arg) -> Message {
        self.args.push((name, arg));
        self
    }

    pub fn key(&self) -> &'static str {
        self.key
    }

    pub fn args(&self) -> &[(&'static str, Arg)] {
        &self.args
    }
}

/// In English: for logs and tests, where no course language applies.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::Catalog::english().say(self))
    }
}
