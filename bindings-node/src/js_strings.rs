//! Reading JS strings and arrays of strings fast: short strings into a stack
//! buffer in one N-API call, long arrays in chunks of call arguments (see
//! [`StrArray::for_each`]).

use crate::js_results::{call, check, helpers, reference};
use napi::bindgen_prelude::{FromNapiValue, TypeName, ValidateNapiValue, ValueType};
use napi::{Error, Result, Status, sys};
use std::ptr;

/// Bytes read in place; longer strings take the heap path.
const INLINE: usize = 64;

/// A string argument read in one N-API call into a stack buffer when short
/// (every ID number and most passwords); longer strings are read as `String`.
pub enum SmallStr {
    Inline([u8; INLINE], u8),
    Heap(String),
}

impl SmallStr {
    pub fn as_str(&self) -> &str {
        match self {
            SmallStr::Inline(b, n) => {
                let b = &b[..usize::from(*n)];
                debug_assert!(b.is_ascii());
                // SAFETY: `read` fills `Inline` with ASCII bytes only, and ASCII
                // is UTF-8; checking again cost 5 % of a batch in `perf`.
                unsafe { std::str::from_utf8_unchecked(b) }
            }
            SmallStr::Heap(s) => s,
        }
    }

    /// Reads a JS string.
    ///
    /// # Safety
    /// `env` and `v` must be live for the current callback.
    pub unsafe fn read(env: sys::napi_env, v: sys::napi_value) -> Result<Self> {
        // UTF-16 is V8's own form (a widening copy for one-byte strings), cheaper
        // than `napi_get_value_string_utf8`'s encoder; ASCII is then narrowed here.
        // The buffer is not zeroed first: only the `len` units V8 wrote are read.
        let mut wide = std::mem::MaybeUninit::<[u16; INLINE]>::uninit();
        let mut len = 0usize;
        let st = unsafe {
            sys::napi_get_value_string_utf16(env, v, wide.as_mut_ptr().cast(), INLINE, &mut len)
        };
        if st != sys::Status::napi_ok {
            return Err(Error::new(
                Status::StringExpected,
                "Failed to convert JavaScript value into rust type `String`".to_owned(),
            ));
        }
        // At most INLINE - 1 units are copied: below that the whole string was read.
        if len >= INLINE - 1 {
            return Ok(SmallStr::Heap(unsafe { String::from_napi_value(env, v)? }));
        }
        // SAFETY: V8 wrote `len` units (plus a terminator) at the start of `wide`.
        let units = unsafe { std::slice::from_raw_parts(wide.as_ptr().cast::<u16>(), len) };
        let mut buf = [0u8; INLINE];
        let mut ascii = true;
        for (b, &u) in buf.iter_mut().zip(units) {
            ascii &= u < 0x80;
            *b = u as u8;
        }
        if ascii {
            Ok(SmallStr::Inline(buf, len as u8))
        } else {
            // Lone surrogates become U+FFFD, as in `napi_get_value_string_utf8`.
            Ok(SmallStr::Heap(String::from_utf16_lossy(units)))
        }
    }
}

impl TypeName for SmallStr {
    fn type_name() -> &'static str {
        "String"
    }
    fn value_type() -> ValueType {
        ValueType::String
    }
}

impl ValidateNapiValue for SmallStr {}

impl FromNapiValue for SmallStr {
    unsafe fn from_napi_value(env: sys::napi_env, v: sys::napi_value) -> Result<Self> {
        unsafe { SmallStr::read(env, v) }
    }
}

/// A JS array of strings, read element by element (no `Vec<String>` in between).
pub struct StrArray {
    env: sys::napi_env,
    array: sys::napi_value,
    len: u32,
}

impl TypeName for StrArray {
    fn type_name() -> &'static str {
        "Array<string>"
    }
    fn value_type() -> ValueType {
        ValueType::Object
    }
}

impl ValidateNapiValue for StrArray {
    unsafe fn validate(env: sys::napi_env, v: sys::napi_value) -> Result<sys::napi_value> {
        let mut is = false;
        check(unsafe { sys::napi_is_array(env, v, &mut is) })?;
        if is {
            Ok(ptr::null_mut())
        } else {
            Err(Error::new(
                Status::InvalidArg,
                "Expected an array".to_owned(),
            ))
        }
    }
}

impl FromNapiValue for StrArray {
    unsafe fn from_napi_value(env: sys::napi_env, array: sys::napi_value) -> Result<Self> {
        unsafe { <StrArray as ValidateNapiValue>::validate(env, array)? };
        let mut len = 0u32;
        check(unsafe { sys::napi_get_array_length(env, array, &mut len) })?;
        Ok(StrArray { env, array, len })
    }
}

impl StrArray {
    pub fn len(&self) -> usize {
        self.len as usize
    }

    /// Calls `f` on every element in order; a non-string element is an error
    /// naming its index.
    ///
    /// Why two paths: `napi_get_element` costs a V8 property lookup, a
    /// `TryCatch` and an escapable handle scope per element (a quarter of a
    /// batch in `perf`). Long arrays are therefore handed to a JS helper that
    /// passes them back [`CHUNK`] elements at a time as the *arguments* of a
    /// native function, whose handles `napi_get_cb_info` copies in one call.
    pub fn for_each(&self, mut f: impl FnMut(&str)) -> Result<()> {
        if self.len < CHUNKED_FROM {
            return self.for_each_element(&mut f);
        }
        let env = self.env;
        let h = unsafe { helpers(env)? };
        let mut batch = Batch {
            f: &mut f,
            index: 0,
            failure: None,
        };
        let prev = h.batch.replace((&raw mut batch).cast());
        let r = (|| -> Result<()> {
            let chunk = unsafe { reference(env, h.chunk)? };
            let mut len = ptr::null_mut();
            check(unsafe { sys::napi_create_uint32(env, self.len, &mut len) })?;
            unsafe { call(env, h.each, &[self.array, chunk, len]) }.map(|_| ())
        })();
        h.batch.set(prev);
        match batch.failure.take() {
            None => r,
            Some(failure) => {
                // The helper stopped on the exception the chunk threw; drop it
                // and report the failure itself.
                let mut pending = ptr::null_mut();
                unsafe { sys::napi_get_and_clear_last_exception(env, &mut pending) };
                match failure {
                    Failure::NotString(k) => Err(not_a_string(k)),
                    Failure::Panic(payload) => std::panic::resume_unwind(payload),
                }
            }
        }
    }

    /// The element-by-element path (short arrays).
    fn for_each_element(&self, f: &mut dyn FnMut(&str)) -> Result<()> {
        const SCOPE: u32 = 4096;
        let env = self.env;
        let mut i = 0;
        while i < self.len {
            let end = self.len.min(i + SCOPE);
            // A scope per chunk: a million elements need not hold a million handles.
            let mut scope = ptr::null_mut();
            check(unsafe { sys::napi_open_handle_scope(env, &mut scope) })?;
            // A panic in `f` must not skip closing the scope (Node aborts on an
            // unbalanced scope); it is resumed once the scope is closed.
            let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| -> Result<()> {
                for k in i..end {
                    let mut v = ptr::null_mut();
                    check(unsafe { sys::napi_get_element(env, self.array, k, &mut v) })?;
                    let s = unsafe { SmallStr::read(env, v) }.map_err(|_| not_a_string(k))?;
                    f(s.as_str());
                }
                Ok(())
            }));
            check(unsafe { sys::napi_close_handle_scope(env, scope) })?;
            r.unwrap_or_else(|payload| std::panic::resume_unwind(payload))?;
            i = end;
        }
        Ok(())
    }
}

/// Elements per native call on the chunked path (the arguments of one call).
pub(super) const CHUNK: usize = 64;
/// Arrays at least this long take the chunked path.
const CHUNKED_FROM: u32 = 256;

fn not_a_string(k: u32) -> Error {
    Error::new(
        Status::StringExpected,
        format!("Expected a string at index {k}"),
    )
}

/// One `StrArray::for_each` on the chunked path, reachable from the chunk
/// callback through the environment's `Helpers::batch` while it runs.
pub(super) struct Batch<'a> {
    f: &'a mut dyn FnMut(&str),
    /// Index of the next element.
    index: u32,
    failure: Option<Failure>,
}

enum Failure {
    NotString(u32),
    Panic(Box<dyn std::any::Any + Send>),
}

/// The native half of the chunked path: `chunk(...strings)`, called by the JS
/// helper `each`. Outside a running batch (its only caller is the helper's
/// closure, never user code) it throws.
pub(super) unsafe extern "C" fn raw_chunk(
    env: sys::napi_env,
    info: sys::napi_callback_info,
) -> sys::napi_value {
    let batch = match unsafe { helpers(env) } {
        Ok(h) if !h.batch.get().is_null() => h.batch.get().cast::<Batch<'_>>(),
        _ => {
            unsafe { sys::napi_throw_error(env, ptr::null(), c"no batch is running".as_ptr()) };
            return ptr::null_mut();
        }
    };
    // SAFETY: `for_each` set the pointer to its live `Batch` and clears it
    // before that returns; nested batches save and restore it.
    let batch = unsafe { &mut *batch };
    let mut argc = CHUNK;
    let mut argv = [ptr::null_mut(); CHUNK];
    let st = unsafe {
        sys::napi_get_cb_info(
            env,
            info,
            &mut argc,
            argv.as_mut_ptr(),
            ptr::null_mut(),
            ptr::null_mut(),
        )
    };
    if st != sys::Status::napi_ok {
        return ptr::null_mut();
    }
    // A panic must not unwind through V8: it is caught here and resumed by
    // `for_each` once the helper has returned.
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        for &v in &argv[..argc.min(CHUNK)] {
            match unsafe { SmallStr::read(env, v) } {
                Ok(s) => (batch.f)(s.as_str()),
                Err(_) => return Some(Failure::NotString(batch.index)),
            }
            batch.index += 1;
        }
        None
    }));
    let failure = match r {
        Ok(f) => f,
        Err(payload) => Some(Failure::Panic(payload)),
    };
    if let Some(f) = failure {
        batch.failure = Some(f);
        // Stops the helper's loop; `for_each` clears it.
        unsafe { sys::napi_throw_error(env, ptr::null(), c"batch stopped".as_ptr()) };
    }
    ptr::null_mut()
}
