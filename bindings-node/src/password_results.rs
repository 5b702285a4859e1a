//! Password checks built in JS with shared message strings (issue 20).
//!
//! A check used to cross as JSON text with both messages of every finding in
//! it; `perf` put most of a call in V8 (UTF-8 decoding the zh-TW text, parsing,
//! then scavenging about a kilobyte of strings per result). A finding's two
//! messages depend only on its code and params, and few pairs recur: the
//! benchmark's 200,000 passwords give 175,000 findings but 611 distinct pairs.
//! So each pair is sent to JS once, as a *slot* (code, params, messageZh,
//! messageEn, rendered by the core), and a check crosses as numbers naming its
//! slots. The JS builder (`lib/results.js`) makes the same plain object
//! `JSON.parse` made: same keys in the same order, the cached message strings
//! (strings are immutable, so sharing one is invisible) and a fresh params
//! object per finding.
//!
//! Layout of one check (`f64`s): verdict, profile, length, class bits (upper 1,
//! lower 2, digit 4, special 8, other letter 16), class count, required classes,
//! `guessesLog10` (NaN for null), the number of findings, then per finding its
//! slot and severity. [`CHECK_KEYS`] pins the JS builder's keys to the core's
//! JSON.

use crate::js_results::{call, check, helpers, string};
use napi::bindgen_prelude::{ToNapiValue, TypeName, ValueType};
use napi::{Result, sys};
use ntpc_policy::password::{PasswordCheck, PasswordProfile};
use ntpc_policy::{Finding, Severity, Verdict};
use std::collections::HashMap;
use std::ffi::c_void;
use std::ptr;

/// The verdicts, profiles and severities by their packed codes.
pub(crate) const VERDICTS: [Verdict; 3] = [Verdict::Pass, Verdict::Warn, Verdict::Fail];
pub(crate) const PROFILES: [PasswordProfile; 2] = [PasswordProfile::Default, PasswordProfile::Ad];
pub(crate) const SEVERITIES: [Severity; 3] =
    [Severity::Info, Severity::Warning, Severity::Violation];

/// The keys of a check as the JS builder writes them, in order (the test
/// below compares them with the core's JSON).
#[cfg(test)]
const CHECK_KEYS: [&str; 8] = [
    "verdict",
    "profile",
    "length",
    "classes",
    "classCount",
    "requiredClasses",
    "guessesLog10",
    "findings",
];

/// Slots kept before the cache starts over (checked between calls, so one
/// call's slots stay valid while it is built). A slot holds about 1 kB
/// (two messages, params, the key), so a server whose passwords keep making
/// new pairs holds a few MB at most; a batch fills its own slots first.
const MAX_SLOTS: usize = 1 << 12;

/// The slots sent to JS so far, by code and params (the params' JSON text).
#[derive(Default)]
pub(crate) struct Messages {
    slots: HashMap<Box<[u8]>, u32>,
    key: Vec<u8>,
    /// New slots of the running call: `[reset, [slot, code, params, zh, en], …]`.
    defs: Vec<serde_json::Value>,
}

impl Messages {
    fn begin(&mut self) {
        self.defs.clear();
        if self.slots.len() >= MAX_SLOTS {
            self.slots.clear();
            self.defs.push(true.into());
        } else {
            self.defs.push(false.into());
        }
    }

    fn slot(&mut self, f: &Finding) -> u32 {
        self.key.clear();
        self.key.extend_from_slice(f.code.as_str().as_bytes());
        self.key.push(0);
        // Params serialise in key order, so equal params give equal keys.
        let _ = serde_json::to_writer(&mut self.key, &f.params);
        if let Some(&s) = self.slots.get(self.key.as_slice()) {
            return s;
        }
        let s = u32::try_from(self.slots.len()).unwrap_or(u32::MAX);
        self.slots.insert(self.key.clone().into_boxed_slice(), s);
        self.defs.push(serde_json::json!([
            s,
            f.code.as_str(),
            f.params,
            f.message_zh(),
            f.message_en()
        ]));
        s
    }

    /// The JSON text for `define`, when the call made new slots.
    fn take_defs(&mut self) -> Option<String> {
        let reset = self
            .defs
            .first()
            .is_some_and(|v| v == &serde_json::Value::Bool(true));
        if self.defs.len() <= 1 && !reset {
            return None;
        }
        let text = serde_json::Value::Array(std::mem::take(&mut self.defs)).to_string();
        Some(text)
    }
}

fn index<T: PartialEq>(table: &[T], v: &T) -> f64 {
    table.iter().position(|x| x == v).unwrap_or(0) as f64
}

/// Appends one check in the layout above.
fn pack(r: &PasswordCheck, m: &mut Messages, out: &mut Vec<f64>) {
    let c = &r.classes;
    let bits = u8::from(c.upper)
        | u8::from(c.lower) << 1
        | u8::from(c.digit) << 2
        | u8::from(c.special) << 3
        | u8::from(c.other_letter) << 4;
    // JSON writes a non-finite number as null.
    let guesses = r
        .guesses_log10
        .filter(|g| g.is_finite())
        .unwrap_or(f64::NAN);
    out.extend_from_slice(&[
        index(&VERDICTS, &r.verdict),
        index(&PROFILES, &r.profile),
        f64::from(r.length),
        f64::from(bits),
        f64::from(r.class_count),
        f64::from(r.required_classes),
        guesses,
        r.findings.len() as f64,
    ]);
    for f in &r.findings {
        out.push(f64::from(m.slot(f)));
        out.push(index(&SEVERITIES, &f.severity));
    }
}

/// Packs checks and sends the new slots; returns the numbers.
unsafe fn pack_all<'a>(
    env: sys::napi_env,
    checks: impl IntoIterator<Item = &'a PasswordCheck>,
    out: &mut Vec<f64>,
) -> Result<()> {
    let h = unsafe { helpers(env)? };
    let defs = {
        let mut m = h.messages.borrow_mut();
        m.begin();
        for r in checks {
            pack(r, &mut m, out);
        }
        m.take_defs()
    };
    if let Some(json) = defs {
        let text = unsafe { string(env, &json)? };
        unsafe { call(env, h.pw_define, &[text]) }?;
    }
    Ok(())
}

/// A `Float64Array` of `len` zeros, and its data.
unsafe fn f64_array(env: sys::napi_env, len: usize) -> Result<(sys::napi_value, *mut f64)> {
    let mut bytes: *mut c_void = ptr::null_mut();
    let mut ab = ptr::null_mut();
    check(unsafe { sys::napi_create_arraybuffer(env, len * 8, &mut bytes, &mut ab) })?;
    let mut ta = ptr::null_mut();
    check(unsafe {
        sys::napi_create_typedarray(env, sys::TypedarrayType::float64_array, len, ab, 0, &mut ta)
    })?;
    Ok((ta, bytes.cast()))
}

/// The per-call buffer: `len` numbers at `data`, held by `array` (a reference).
#[derive(Clone, Copy)]
pub(crate) struct Scratch {
    data: *mut f64,
    len: usize,
    array: sys::napi_ref,
}

impl Scratch {
    pub(crate) const fn empty() -> Self {
        Scratch {
            data: ptr::null_mut(),
            len: 0,
            array: ptr::null_mut(),
        }
    }
}

/// Writes one check into the scratch buffer (grown when too small) for the
/// builder's `checkOne`.
pub(crate) unsafe fn to_scratch(env: sys::napi_env, r: &PasswordCheck) -> Result<()> {
    let h = unsafe { helpers(env)? };
    let mut buf = h.pw_buf.take();
    buf.clear();
    let packed = unsafe { pack_all(env, [r], &mut buf) };
    let r = packed.and_then(|()| {
        let s = h.scratch.get();
        let s = if buf.len() > s.len {
            let len = buf.len().next_power_of_two().max(256);
            let (array, data) = unsafe { f64_array(env, len)? };
            let mut r = ptr::null_mut();
            check(unsafe { sys::napi_create_reference(env, array, 1, &mut r) })?;
            if !s.array.is_null() {
                unsafe { sys::napi_delete_reference(env, s.array) };
            }
            unsafe { call(env, h.pw_set_scratch, &[array]) }?;
            let s = Scratch {
                data,
                len,
                array: r,
            };
            h.scratch.set(s);
            s
        } else {
            s
        };
        // SAFETY: `data` holds `len >= buf.len()` numbers of a live ArrayBuffer
        // (referenced by `array`, never handed to user code, so never detached).
        unsafe { ptr::copy_nonoverlapping(buf.as_ptr(), s.data, buf.len()) };
        Ok(())
    });
    h.pw_buf.set(buf);
    r
}

/// One check, built by the JS builder from the scratch buffer.
pub struct CheckJs(pub PasswordCheck);

impl TypeName for CheckJs {
    fn type_name() -> &'static str {
        "PasswordCheck"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ToNapiValue for CheckJs {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> Result<sys::napi_value> {
        unsafe { to_scratch(env, &val.0)? };
        let h = unsafe { helpers(env)? };
        unsafe { call(env, h.pw_one, &[]) }
    }
}

/// Packs checks one by one as a batch runs (no list of results in between);
/// [`BatchPacker::finish`] gives what crosses.
pub(crate) struct BatchPacker<'h> {
    m: std::cell::RefMut<'h, Messages>,
    buf: Vec<f64>,
}

impl BatchPacker<'_> {
    pub(crate) unsafe fn new(env: sys::napi_env, n: usize) -> Result<Self> {
        let h = unsafe { helpers(env)? };
        let mut m = h.messages.try_borrow_mut().map_err(|_| {
            napi::Error::new(
                napi::Status::GenericFailure,
                "password batch re-entered".to_owned(),
            )
        })?;
        m.begin();
        Ok(BatchPacker {
            m,
            buf: Vec::with_capacity(n * 10),
        })
    }

    pub(crate) fn push(&mut self, r: &PasswordCheck) {
        pack(r, &mut self.m, &mut self.buf);
    }

    pub(crate) fn finish(mut self) -> ChecksJs {
        ChecksJs {
            defs: self.m.take_defs(),
            buf: self.buf,
        }
    }
}

/// Many checks: one `Float64Array` and the new slots, built into an array by
/// the JS builder.
pub struct ChecksJs {
    buf: Vec<f64>,
    defs: Option<String>,
}

impl TypeName for ChecksJs {
    fn type_name() -> &'static str {
        "Array<PasswordCheck>"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ToNapiValue for ChecksJs {
    unsafe fn to_napi_value(env: sys::napi_env, val: Self) -> Result<sys::napi_value> {
        let h = unsafe { helpers(env)? };
        if let Some(json) = &val.defs {
            let text = unsafe { string(env, json)? };
            unsafe { call(env, h.pw_define, &[text]) }?;
        }
        let (array, data) = unsafe { f64_array(env, val.buf.len())? };
        if !val.buf.is_empty() {
            // SAFETY: the new array holds exactly `buf.len()` numbers.
            unsafe { ptr::copy_nonoverlapping(val.buf.as_ptr(), data, val.buf.len()) };
        }
        unsafe { call(env, h.pw_many, &[array]) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ntpc_policy::password::{self as pw, PasswordContext};

    /// The JS builder writes these keys; they must be the core's, in order.
    #[test]
    fn builder_keys_are_the_core_json_keys() {
        let r = pw::check(
            "abc",
            &PasswordContext::default(),
            &ntpc_policy::Policy::default(),
        );
        let json = crate::convert::camel_json(&r).unwrap();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
        let mut sorted = CHECK_KEYS.to_vec();
        sorted.sort_unstable();
        assert_eq!(
            keys, sorted,
            "serde_json sorts its map: compare as sets here"
        );
        // The order is the struct's: it is what JSON.stringify shows.
        let pos = |k: &str| json.find(&format!("\"{k}\"")).unwrap();
        assert!(CHECK_KEYS.windows(2).all(|w| pos(w[0]) < pos(w[1])));
        let classes = json.find("\"classes\":{\"upper\":").is_some()
            && json.contains("\"special\":false,\"otherLetter\":false}");
        assert!(classes, "{json}");
        assert!(
            json.contains(
                "\"code\":\"password.too_short\",\"severity\":\"violation\",\"params\":{"
            )
        );
    }

    #[test]
    fn equal_findings_share_a_slot() {
        let mut m = Messages::default();
        m.begin();
        let p = ntpc_policy::Policy::default();
        let a = pw::check("abc", &PasswordContext::default(), &p);
        let b = a.clone();
        let mut out = Vec::new();
        pack(&a, &mut m, &mut out);
        let n = out.len();
        pack(&b, &mut m, &mut out);
        // Bit for bit: a null guessesLog10 is NaN.
        let bits = |x: &[f64]| x.iter().map(|v| v.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&out[..n]), bits(&out[n..]));
        assert!(m.take_defs().is_some());
        m.begin();
        pack(&a, &mut m, &mut out);
        assert!(m.take_defs().is_none());
    }
}
