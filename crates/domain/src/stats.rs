//! Small-cell suppression for published statistics (rule PV-5): nobody may be identified
//! from a table. Every count from 1 to 4 is hidden (primary suppression), and more entries
//! are hidden until no hidden small count can be worked out, or even narrowed down, from
//! what is published (complementary suppression, checked by the auditor in `audit`). A
//! hidden entry is published as `x` (秘匿), as Japanese official statistics do: "<5" would
//! tell a reader which hidden entries are small, and with a total that is enough to undo
//! them (six "<5" no-show months and a total of 24 are six 4s).
//!
//! A zero is published and never hidden: it identifies nobody, and many zeros are
//! structural (nobody attends by phone), so hiding them would only force large counts to
//! be hidden in their place, and a hidden structural zero protects nothing. A reader who
//! knows this rule knows every `x` is at least 1; the auditor assumes so.
//! docs/stats-protection.md explains the reader models and the protection chosen.

mod audit;

use std::fmt;

pub use audit::{Range, Reader, derived_range, exposed};

/// One cell as published.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(u64),
    /// Published as `x` ([`HIDDEN_MARK`]): a small count or one hidden to protect one.
    Hidden,
}

/// How a hidden entry is written (秘匿), in the CSV and on the page alike.
pub const HIDDEN_MARK: &str = "x";

impl fmt::Display for Shown {
    /// The published text: the number, or `x` for every hidden entry.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Count(n) => write!(f, "{n}"),
            Self::Hidden => f.write_str(HIDDEN_MARK),
        }
    }
}

/// Counts from 1 up to below this are never published (PV-5).
pub const THRESHOLD: u64 = 5;

/// A count that must be hidden: 1 to 4 people.
pub fn is_small(n: u64) -> bool {
    n > 0 && n < THRESHOLD
}

/// A table with its row and column totals and the grand total, as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub cells: Vec<Vec<Shown>>,
    pub row_totals: Vec<Shown>,
    pub column_totals: Vec<Shown>,
    pub grand_total: Shown,
}

/// The table and its totals as one grid: row totals in the last column, column totals in
/// the last row, the grand total in the corner. Every line of this grid adds up (its parts
/// equal its total), so a line with exactly one hidden entry gives that entry away; totals
/// are entries like any other (a hidden row total would otherwise follow from the grand
/// total minus the other row totals).
fn grid(counts: &[Vec<u64>]) -> Vec<Vec<u64>> {
    let cols = counts.first().map_or(0, Vec::len);
    let mut g: Vec<Vec<u64>> = counts
        .iter()
        .map(|r| {
            let mut line = r.clone();
            line.push(r.iter().sum());
            line
        })
        .collect();
    let totals: Vec<u64> = (0..=cols).map(|c| g.iter().map(|r| r[c]).sum()).collect();
    g.push(totals);
    g
}

/// Suppresses `counts` (rows of equal length) for publication with its totals.
/// Deterministic: the same counts always give the same publication.
pub fn suppress(counts: &[Vec<u64>]) -> Published {
    let g = grid(counts);
    let mut hidden: Vec<Vec<bool>> = g.iter().map(|r| r.iter().map(|n| is_small(*n)).collect()).collect();
    close_lines(&g, &mut hidden);
    audit::protect(&g, &mut hidden);
    publish(&g, &hidden)
}

/// A line with exactly one hidden entry gives it away: hides one more in that line, until
/// no line has exactly one. Prefers an entry whose crossing line also has exactly one (one
/// entry then protects both), else the smallest. Never a zero (see the module docs); a line
/// whose one hidden entry is not zero always has another entry that is not zero, because
/// its parts add up to its total.
fn close_lines(g: &[Vec<u64>], hidden: &mut [Vec<bool>]) {
    let (rows, cols) = (g.len(), g.first().map_or(0, Vec::len));
    let lone_in_row = |h: &[Vec<bool>], r: usize| (0..cols).filter(|c| h[r][*c]).count() == 1;
    let lone_in_col = |h: &[Vec<bool>], c: usize| (0..rows).filter(|r| h[*r][c]).count() == 1;
    loop {
        let mut changed = false;
        for r in 0..rows {
            if lone_in_row(hidden, r) {
                let pick = (0..cols)
                    .filter(|c| !hidden[r][*c] && g[r][*c] > 0)
                    .min_by_key(|c| (!lone_in_col(hidden, *c), g[r][*c]));
                if let Some(c) = pick {
                    hidden[r][c] = true;
                    changed = true;
                }
            }
        }
        for c in 0..cols {
            if lone_in_col(hidden, c) {
                let pick = (0..rows)
                    .filter(|r| !hidden[*r][c] && g[*r][c] > 0)
                    .min_by_key(|r| (!lone_in_row(hidden, *r), g[*r][c]));
                if let Some(r) = pick {
                    hidden[r][c] = true;
                    changed = true;
                }
            }
        }
        if !changed {
            return;
        }
    }
}

/// The grid as published: hidden entries as [`Shown::Hidden`].
fn publish(g: &[Vec<u64>], hidden: &[Vec<bool>]) -> Published {
    let (rows, cols) = (g.len(), g.first().map_or(0, Vec::len));
    let show = |r: usize, c: usize| {
        if hidden[r][c] {
            Shown::Hidden
        } else {
            Shown::Count(g[r][c])
        }
    };
    let (last_row, last_col) = (rows - 1, cols - 1);
    Published {
        cells: (0..last_row)
            .map(|r| (0..last_col).map(|c| show(r, c)).collect())
            .collect(),
        row_totals: (0..last_row).map(|r| show(r, last_col)).collect(),
        column_totals: (0..last_col).map(|c| show(last_row, c)).collect(),
        grand_total: show(last_row, last_col),
    }
}

/// A publication as one grid laid out like [`grid`].
fn shown_grid(p: &Published) -> Vec<Vec<Shown>> {
    let mut g: Vec<Vec<Shown>> = p
        .cells
        .iter()
        .zip(&p.row_totals)
        .map(|(r, t)| r.iter().copied().chain([*t]).collect())
        .collect();
    g.push(p.column_totals.iter().copied().chain([p.grand_total]).collect());
    g
}

/// What a reader can work out: solves, line by line, every hidden entry (cell or total)
/// that is the only unknown of its line, including the line of row totals and the line of
/// column totals with the grand total. Returns the cells and totals it recovers as (row,
/// column, value), where row `rows` is the column totals and column `columns` the row
/// totals. A safe table gives none. Subtraction only: [`exposed`] also uses the bounds a
/// reader knows, which is what a publication must withstand.
// The row and column indices are the answer's coordinates, not just a way to walk `g`.
#[allow(clippy::needless_range_loop)]
pub fn recoverable(p: &Published) -> Vec<(usize, usize, u64)> {
    let mut g = shown_grid(p);
    let (rows, cols) = (g.len(), g.first().map_or(0, Vec::len));
    let mut found = Vec::new();
    loop {
        let mut progress = false;
        for r in 0..rows {
            if let Some((c, v)) = solve((0..cols).map(|c| (c, g[r][c])), cols - 1) {
                g[r][c] = Shown::Count(v);
                found.push((r, c, v));
                progress = true;
            }
        }
        for c in 0..cols {
            if let Some((r, v)) = solve((0..rows).map(|r| (r, g[r][c])), rows - 1) {
                g[r][c] = Shown::Count(v);
                found.push((r, c, v));
                progress = true;
            }
        }
        if !progress {
            return found;
        }
    }
}

/// A line whose entry `total_at` is the sum of the others: the one hidden entry, if only one.
fn solve(line: impl Iterator<Item = (usize, Shown)>, total_at: usize) -> Option<(usize, u64)> {
    let mut unknown = None;
    let (mut parts, mut total) = (0u64, None);
    for (i, s) in line {
        match s {
            Shown::Count(n) if i == total_at => total = Some(n),
            Shown::Count(n) => parts += n,
            Shown::Hidden if unknown.is_none() => unknown = Some(i),
            Shown::Hidden => return None,
        }
    }
    let i = unknown?;
    Some((
        i,
        if i == total_at {
            parts
        } else {
            total?.saturating_sub(parts)
        },
    ))
}

#[cfg(test)]
mod tests;
