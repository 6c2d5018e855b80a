//! The hot path allocates nothing once the caller's `Scratch` and `Report` have grown: counted with a
//! global allocator that counts every allocation. Messages with times, rooms, ages, amounts, phone
//! numbers, street addresses, national ID numbers (valid and mistyped) and birth dates included. This
//! file holds a single test so that no other test allocates while it counts.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};

use carelint::{Linter, Report, Scratch};

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; it only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

#[test]
fn checking_allocates_nothing_once_the_buffers_have_grown() {
    let linter = Linter::new();
    let messages = [
        "Kan någon ta mitt kvällspass på fredag? Byter gärna mot söndag",
        "Brukaren på rummet har fått feber igen och hostar",
        "Husk kursus om demens og kommunikation på mandag",
        "Fru J har ont i magen och hennes dotter ringde",
        "Tok et bilde av Solveig på festen, legger det ut på Facebook",
        "The lady with dementia fell again, her son has been told",
        "Please be patient with the new rota system 🙏",
        "Kan du ta passet kl 14.30 på fredag? Möte i rum 12 kl 9",
        "Brukaren på rum 12 är 87 år och har feber",
        "Ring hennes dotter på 070-123 45 67 efter lunch",
        "Fakturan på 12 500 kr är betald, ordernr 2024-03-15",
        "Brukaren på Björkvägen 12 behöver extra tid, 114 18 Stockholm",
        "Borgeren i Karl Johans gate 22 og på Vestergade 4, 2. tv",
        "Mrs K moved to 14 Birch Way, the house on Old Kent Road is sold",
        "Personnumret är 811218-9876, han ska till tandläkaren",
        "Fru J är född 12/3 1938 och har feber",
        "Borgeren er født 3. marts 1941, CPR 030851-1234",
        "Pnr 19811218-9875 stämmer inte, kolla igen",
        "",
    ];
    let mut scratch = Scratch::default();
    let mut report = Report::default();
    for _ in 0..3 {
        for m in messages {
            linter.check_with(m, &mut scratch, &mut report);
        }
    }
    let flagged = messages.iter().filter(|m| !linter.check(m).passed()).count();
    assert!(flagged >= 4, "the fixture must exercise findings too");
    let rules =
        |rule: &str| messages.iter().filter(|m| linter.check(m).findings.iter().any(|f| f.rule.id() == rule)).count();
    assert!(rules("national-id") >= 3, "the fixture must find valid and mistyped ID numbers");
    assert!(rules("birth-date") >= 2, "the fixture must find birth dates");
    let before = ALLOCATIONS.load(Ordering::Relaxed);
    for _ in 0..100 {
        for m in messages {
            linter.check_with(m, &mut scratch, &mut report);
        }
    }
    let after = ALLOCATIONS.load(Ordering::Relaxed);
    assert_eq!(after - before, 0, "allocations in {} warm checks", 100 * messages.len());
}
