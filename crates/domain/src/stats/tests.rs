use super::*;

fn shown(n: u64) -> Shown {
    if is_small(n) { Shown::Hidden } else { Shown::Count(n) }
}

// rule PV-5: a table where the naive publication (cells below 5 hidden, totals shown)
// gives a small cell away; suppression keeps every small cell hidden.
#[test]
fn a_small_cell_stays_hidden_from_the_totals() {
    // Offices × outcomes; office B had 3 no-shows.
    let counts = vec![vec![40, 12, 7], vec![35, 9, 3], vec![28, 6, 11]];
    let naive = Published {
        cells: counts.iter().map(|r| r.iter().map(|n| shown(*n)).collect()).collect(),
        row_totals: counts.iter().map(|r| shown(r.iter().sum())).collect(),
        column_totals: (0..3).map(|c| shown(counts.iter().map(|r| r[c]).sum())).collect(),
        grand_total: shown(counts.iter().flatten().sum()),
    };
    assert_eq!(recoverable(&naive), vec![(1, 2, 3)], "the naive table reveals the 3");
    let safe = suppress(&counts);
    assert_eq!(safe.cells[1][2], Shown::Hidden);
    assert_eq!(recoverable(&safe), vec![], "{safe:?}");
    // Only what was needed is hidden: one row and one column each lose a second cell.
    let hidden = safe.cells.iter().flatten().filter(|s| **s == Shown::Hidden).count();
    assert_eq!(hidden, 4, "{safe:?}");
}

// rule PV-5: small totals are hidden too, and cannot be worked out from the grand total
// minus the other totals; a table of large counts is left alone.
#[test]
fn small_totals_and_large_tables() {
    let safe = suppress(&[vec![1, 2], vec![30, 40]]);
    assert_eq!(safe.row_totals[0], Shown::Hidden);
    assert_eq!(recoverable(&safe), vec![]);
    // A month of 3 among months of 20 and 30, every column total 5 or more: naively the
    // grand total (53) minus the other row totals (50) gives the 3 away.
    let months = [vec![1, 2], vec![10, 10], vec![15, 15]];
    let naive = Published {
        cells: months.iter().map(|r| r.iter().map(|n| shown(*n)).collect()).collect(),
        row_totals: months.iter().map(|r| shown(r.iter().sum())).collect(),
        column_totals: vec![Shown::Count(26), Shown::Count(27)],
        grand_total: Shown::Count(53),
    };
    assert!(recoverable(&naive).contains(&(0, 2, 3)), "{:?}", recoverable(&naive));
    let safe = suppress(&months);
    assert_eq!(safe.row_totals[0], Shown::Hidden);
    assert_eq!(recoverable(&safe), vec![], "{safe:?}");
    let big = suppress(&[vec![10, 20], vec![30, 40]]);
    assert!(big.cells.iter().flatten().all(|s| matches!(s, Shown::Count(_))));
    assert_eq!(big.row_totals, vec![Shown::Count(30), Shown::Count(70)]);
}

// rule PV-5: many small cells, every pattern of them stays unrecoverable.
#[test]
fn many_patterns_stay_hidden() {
    for seed in 0u64..500 {
        let mut x = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let mut next = || {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) % 14
        };
        let counts: Vec<Vec<u64>> = (0..4).map(|_| (0..5).map(|_| next()).collect()).collect();
        let safe = suppress(&counts);
        assert_eq!(recoverable(&safe), vec![], "{counts:?} → {safe:?}");
        for (r, row) in counts.iter().enumerate() {
            for (c, n) in row.iter().enumerate() {
                if is_small(*n) {
                    assert_eq!(safe.cells[r][c], Shown::Hidden);
                }
            }
        }
    }
}

fn hidden_entries(p: &Published) -> usize {
    shown_grid(p).iter().flatten().filter(|s| **s == Shown::Hidden).count()
}

// rule PV-5: a hidden entry is written `x` (秘匿), never "<5".
#[test]
fn hidden_entries_are_written_x() {
    assert_eq!(Shown::Hidden.to_string(), "x");
    assert_eq!(Shown::Count(0).to_string(), "0");
    assert_eq!(Shown::Count(24).to_string(), "24");
}

/// Six months × (attended, cancelled by the user, cancelled by the office, no-show): the
/// office cancelled 2 and 4 people did not come every month.
fn six_months() -> Vec<Vec<u64>> {
    let attended = [30, 28, 35, 31, 29, 33];
    let by_user = [10, 12, 9, 11, 8, 10];
    (0..6).map(|m| vec![attended[m], by_user[m], 2, 4]).collect()
}

// rule PV-5: the outside tester's case (issue 11). The old suppression hid only the twelve
// small cells (no line had exactly one hidden), published as "<5" beside a no-show total of
// 24: a reader who knows "<5" means 1–4 gets every no-show (4) and then, by the month's
// total, every cancellation by the office (2). The new publication pins none, for either
// reader, and the `x` reader could not have pinned the old one either.
#[test]
fn the_six_month_table_cannot_be_undone() {
    let counts = six_months();
    let g = grid(&counts);
    let hidden: Vec<Vec<bool>> = g.iter().map(|r| r.iter().map(|n| is_small(*n)).collect()).collect();
    let old = publish(&g, &hidden);
    assert_eq!(old.column_totals[3], Shown::Count(24));
    assert_eq!(recoverable(&old), vec![], "the old line check passed it");
    let undone = exposed(&counts, &old, Reader::SmallKnown);
    assert_eq!(undone.len(), 12, "{undone:?}");
    for (r, c, range) in undone {
        assert!(range.is_pinned(), "({r}, {c}) {range:?}");
        assert_eq!(range.low, g[r][c]);
    }
    assert_eq!(exposed(&counts, &old, Reader::Marked), vec![]);

    let new = suppress(&counts);
    for reader in Reader::ALL {
        assert_eq!(exposed(&counts, &new, reader), vec![], "{reader:?} {new:?}");
        for m in 0..6 {
            for c in [2, 3] {
                let range = derived_range(&counts, &new, reader, m, c).unwrap();
                assert!(!range.is_pinned(), "{reader:?} ({m}, {c}) {range:?}");
            }
        }
    }
    // Two more entries do it: the no-show total and the office-cancellation total (12),
    // whose sum alone follows from the grand total. The reader of "<5" is left with 2 to 4
    // no-shows a month, the `x` reader with 1 to 5.
    assert_eq!(new.column_totals[2..], [Shown::Hidden, Shown::Hidden]);
    assert_eq!(
        derived_range(&counts, &new, Reader::SmallKnown, 0, 3),
        Some(Range { low: 2, high: Some(4) })
    );
    assert_eq!(
        derived_range(&counts, &new, Reader::Marked, 0, 3),
        Some(Range { low: 1, high: Some(5) })
    );
    assert_eq!(hidden_entries(&new), 14, "{new:?}");
}

/// A table of `rows` × `cols` random counts, mostly 0 to 6 so that small cells crowd.
fn random_table(next: &mut impl FnMut() -> u64) -> Vec<Vec<u64>> {
    let rows = 1 + (next() % 6) as usize;
    let cols = 1 + (next() % 12) as usize;
    (0..rows)
        .map(|_| {
            (0..cols)
                .map(|_| match next() % 10 {
                    0..=6 => next() % 7,
                    7 | 8 => next() % 30,
                    _ => next() % 400,
                })
                .collect()
        })
        .collect()
}

// rule PV-5: over a few hundred random tables (seeded, so failures reproduce), every small
// count is hidden, no zero is hidden (the `x` reader relies on it), no hidden entry follows
// from a line, and no small count is exposed to either reader: never pinned, and for the
// `x` reader never narrower than 1 to 5.
#[test]
fn random_tables_never_expose_a_small_count() {
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for _ in 0..TABLES {
        let counts = random_table(&mut next);
        let g = grid(&counts);
        let safe = suppress(&counts);
        assert_eq!(safe, suppress(&counts), "deterministic");
        for (r, (line, shown)) in g.iter().zip(shown_grid(&safe)).enumerate() {
            for (c, (v, s)) in line.iter().zip(shown).enumerate() {
                assert!(!is_small(*v) || s == Shown::Hidden, "({r}, {c}) {counts:?}");
                assert!(*v > 0 || s == Shown::Count(0), "a zero hidden at ({r}, {c}) {counts:?}");
            }
        }
        assert_eq!(recoverable(&safe), vec![], "{counts:?}");
        for reader in Reader::ALL {
            assert_eq!(
                exposed(&counts, &safe, reader),
                vec![],
                "{reader:?} {counts:?} → {safe:?}"
            );
        }
    }
}

const TABLES: usize = 300;
