//! A passing password check allocates nothing; an oversized one stops early
//! (RULES §1 performance notes: one pass, no allocation on the happy path).

use ntpc_policy::Policy;
use ntpc_policy::password::{PasswordContext, PasswordProfile, check, is_common};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn passing_checks_do_not_allocate() {
    let policy = Policy::default();
    let plain = PasswordContext::default();
    let named = PasswordContext {
        account: Some("wang01@apps.ntpc.edu.tw"),
        display_name: Some("王小明 Wang Xiao-Ming"),
        profile: Some(PasswordProfile::Ad),
        school_name: Some("新北市立板橋國民小學 Banqiao"),
        school_code: Some("014601"),
        today: chrono::NaiveDate::from_ymd_opt(2021, 12, 7),
    };
    // The lists and tables are built on first use: warm them up.
    assert!(is_common("Aa123456"));
    let _ = check("PaSsWoRd1!Ji32k7", &named, &policy);
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    // Strong passwords, short and long (the weak-password detection keeps its
    // state on the stack, in two sizes).
    for p in [
        "Tq7#vLm2pX",
        "x9$Kp2!mQz7w",
        "Vb#7qLz!2Wm8 Rt%4",
        "hT6&yQ1@zV8#kP3!wM5$rJ9^nB2*eX4(gC7)",
    ] {
        assert!(check(p, &plain, &policy).findings.is_empty());
        assert!(check(p, &named, &policy).findings.is_empty());
    }
    assert_eq!(ALLOCATIONS.load(Ordering::Relaxed), before);

    // A 10 MB password is answered from its first 257 characters.
    let huge = "x".repeat(10 << 20);
    let start = std::time::Instant::now();
    for _ in 0..1000 {
        assert_eq!(check(&huge, &plain, &policy).length, 257);
    }
    assert!(
        start.elapsed().as_secs() < 5,
        "too_long must not read the whole input"
    );
}
