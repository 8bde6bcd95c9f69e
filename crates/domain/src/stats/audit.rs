//! The auditor of rule PV-5: how far a reader can narrow down a hidden small count from
//! everything published, and the extra suppression that keeps every one out of reach.
//!
//! Every hidden entry of the grid (cells and totals alike, see `super::grid`) is an unknown;
//! every line of the grid is an equation (its parts add up to its total) over the published
//! values; each unknown has the bounds the reader knows ([`Reader`]). The least and greatest
//! value an entry can take over all of that are two linear programmes. The constraint matrix
//! is totally unimodular (each entry lies in exactly one row line and one column line, with
//! signs that split into two groups), so with whole-number bounds every vertex is whole and
//! the LP bounds are exactly what a reader can derive with integrality too; the float answers
//! are still rounded inward (min up, max down), which only makes the check stricter.
//! docs/stats-protection.md gives the reasoning.

use std::cmp::Reverse;

use microlp::{ComparisonOp, Error, OptimizationDirection, Problem, Variable};

use super::{Published, Shown, THRESHOLD, grid, is_small, shown_grid};

/// What a reader is assumed to know besides the published entries and the line sums.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reader {
    /// The tables as published: every hidden entry is `x`, so the reader knows only that it
    /// is at least 1 (zeros are always published), not which ones are small.
    Marked,
    /// The stricter reader of a "<5" world: knows which hidden entries are small (1–4) and
    /// that the others are 5 or more. Checked too, so that going back to "<5" (or any hint
    /// of which entries are small) could not undo a table.
    SmallKnown,
}

impl Reader {
    pub const ALL: [Reader; 2] = [Self::Marked, Self::SmallKnown];

    /// The bounds this reader knows for a hidden entry whose true value is `v`.
    fn bounds(self, v: u64) -> (f64, f64) {
        match self {
            Self::Marked => (1.0, f64::INFINITY),
            Self::SmallKnown if is_small(v) => (1.0, (THRESHOLD - 1) as f64),
            Self::SmallKnown => (THRESHOLD as f64, f64::INFINITY),
        }
    }
}

/// The values a reader cannot rule out for one entry: `low..=high`, no `high` if unbounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub low: u64,
    pub high: Option<u64>,
}

impl Range {
    fn point(v: u64) -> Self {
        Self { low: v, high: Some(v) }
    }

    fn widen(&mut self, v: u64) {
        self.low = self.low.min(v);
        self.high = self.high.map(|h| h.max(v));
    }

    /// The reader knows the exact value.
    pub fn is_pinned(self) -> bool {
        self.high == Some(self.low)
    }

    /// Whether a small count behind this range is protected from `reader`. Against
    /// [`Reader::Marked`] at least [`THRESHOLD`] values must stay possible (`high - low >= 4`):
    /// as every `x` is at least 1, the range then reaches 5 or more, so the reader can
    /// neither pin the count nor tell that it is small. (Asking for all of 1 to 5 would be
    /// impossible for a total: one of three hidden parts is at least 3, whatever is hidden.)
    /// A [`Reader::SmallKnown`] already knows 1 to 4, so there it may only not be pinned.
    pub fn protects(self, reader: Reader) -> bool {
        match reader {
            Reader::Marked => self.high.is_none_or(|h| h >= self.low + (THRESHOLD - 1)),
            Reader::SmallKnown => !self.is_pinned(),
        }
    }
}

/// What `reader` can derive of the entry at (`row`, `column`) of `published`, made from
/// `counts` (coordinates as in [`super::recoverable`]: row `rows` holds the column totals,
/// column `columns` the row totals). A published entry is known exactly; `None` for an entry
/// outside the grid or when the solver fails. Takes every hidden entry to be at least 1, as
/// [`super::suppress`] never hides a zero.
pub fn derived_range(
    counts: &[Vec<u64>],
    published: &Published,
    reader: Reader,
    row: usize,
    column: usize,
) -> Option<Range> {
    let g = grid(counts);
    let hidden = hidden_mask(published);
    let v = *g.get(row)?.get(column)?;
    if !*hidden.get(row)?.get(column)? {
        return Some(Range::point(v));
    }
    let mut range = Range::point(v);
    for direction in [OptimizationDirection::Minimize, OptimizationDirection::Maximize] {
        match extreme(&g, &hidden, reader, (row, column), direction) {
            Extreme::Point(at, _) => range.widen(at),
            Extreme::Unbounded => range.high = None,
            Extreme::Unknown => return None,
        }
    }
    Some(range)
}

/// Every small count of `counts` that `published` does not protect from `reader`, with what
/// the reader can derive of it (a published small count is exposed as itself). Empty for a
/// safe publication.
pub fn exposed(counts: &[Vec<u64>], published: &Published, reader: Reader) -> Vec<(usize, usize, Range)> {
    let g = grid(counts);
    let mut out = Vec::new();
    for (r, line) in g.iter().enumerate() {
        for (c, v) in line.iter().enumerate() {
            if is_small(*v) {
                let range = derived_range(counts, published, reader, r, c).unwrap_or(Range::point(*v));
                if !range.protects(reader) {
                    out.push((r, c, range));
                }
            }
        }
    }
    out
}

fn hidden_mask(p: &Published) -> Vec<Vec<bool>> {
    shown_grid(p)
        .iter()
        .map(|l| l.iter().map(|s| *s == Shown::Hidden).collect())
        .collect()
}

/// Hides more entries until every small count is protected from every reader. For each
/// small count in turn that is not, tries the smallest published entries of its row and
/// column (up to [`TRIALS`], each with the entries its lines then need) and keeps the trial
/// that protects it and the most other small counts of its lines, the least withheld on a
/// tie; if none protects it, the smallest, and repeats. Deterministic. Hiding more never
/// narrows a range, so a count once protected stays protected.
pub(super) fn protect(g: &[Vec<u64>], hidden: &mut Vec<Vec<bool>>) {
    let mut audit = Audit::new(g);
    let small: Vec<(usize, usize)> = cells(g).filter(|&(r, c)| is_small(g[r][c])).collect();
    for &at in &small {
        while !audit.protects(hidden, at) {
            let neighbours: Vec<(usize, usize)> = small
                .iter()
                .copied()
                .filter(|&(r, c)| (r == at.0) != (c == at.1))
                .collect();
            let mut best: Option<(TrialKey, Vec<Vec<bool>>, Audit<'_>)> = None;
            let mut fallback = None;
            for candidate in candidates(g, hidden, at).into_iter().take(TRIALS) {
                let mut next = hidden.clone();
                next[candidate.0][candidate.1] = true;
                super::close_lines(g, &mut next);
                let mut trial = Audit {
                    g,
                    seen: audit.seen.clone(),
                };
                if !trial.protects(&next, at) {
                    fallback.get_or_insert((next, trial));
                    continue;
                }
                let protected = neighbours.iter().filter(|&&e| trial.protects(&next, e)).count();
                let withheld = cells(g)
                    .filter(|&(r, c)| next[r][c] && !hidden[r][c])
                    .map(|(r, c)| g[r][c])
                    .sum();
                let key = (Reverse(protected), withheld);
                if best.as_ref().is_none_or(|b| key < b.0) {
                    best = Some((key, next, trial));
                }
            }
            // Nothing left to hide means everything but zeros is hidden: as much as can be done.
            let Some((next, trial)) = best.map(|b| (b.1, b.2)).or(fallback) else {
                break;
            };
            *hidden = next;
            audit = trial;
        }
    }
}

/// Orders trials: most neighbours protected, then least withheld.
type TrialKey = (Reverse<usize>, u64);

/// How many candidates are tried per step: enough to find a column total that protects a
/// whole column, few enough that a national table of hundreds of offices stays quick.
const TRIALS: usize = 6;

fn cells(g: &[Vec<u64>]) -> impl Iterator<Item = (usize, usize)> + '_ {
    g.iter()
        .enumerate()
        .flat_map(|(r, l)| (0..l.len()).map(move |c| (r, c)))
}

/// Published entries that could be hidden next to protect `at`, smallest first: those in its
/// own lines, else those in the lines of its hidden neighbours, else any. Never a zero.
fn candidates(g: &[Vec<u64>], hidden: &[Vec<bool>], at: (usize, usize)) -> Vec<(usize, usize)> {
    let open = |&(r, c): &(usize, usize)| !hidden[r][c] && g[r][c] > 0;
    let near = component(hidden, at);
    let in_tier = |tier: usize, &(r, c): &(usize, usize)| match tier {
        0 => r == at.0 || c == at.1,
        1 => near.iter().any(|n| n.0 == r || n.1 == c),
        _ => true,
    };
    for tier in 0..3 {
        let mut found: Vec<(usize, usize)> = cells(g).filter(|e| open(e) && in_tier(tier, e)).collect();
        if !found.is_empty() {
            found.sort_by_key(|&(r, c)| (g[r][c], r, c));
            return found;
        }
    }
    Vec::new()
}

/// The ranges seen so far for each small entry, per reader: every solution the solver
/// returns is a table the reader cannot rule out, so its values widen the ranges of all the
/// small entries in it, and most checks need no solve of their own.
struct Audit<'a> {
    g: &'a [Vec<u64>],
    seen: Vec<Vec<[Range; 2]>>,
}

impl<'a> Audit<'a> {
    fn new(g: &'a [Vec<u64>]) -> Self {
        let seen = g
            .iter()
            .map(|l| l.iter().map(|v| [Range::point(*v); 2]).collect())
            .collect();
        Self { g, seen }
    }

    fn protects(&mut self, hidden: &[Vec<bool>], at: (usize, usize)) -> bool {
        hidden[at.0][at.1]
            && Reader::ALL
                .into_iter()
                .all(|reader| self.protects_from(hidden, reader, at))
    }

    fn protects_from(&mut self, hidden: &[Vec<bool>], reader: Reader, at: (usize, usize)) -> bool {
        let i = reader as usize;
        for direction in [OptimizationDirection::Maximize, OptimizationDirection::Minimize] {
            if self.seen[at.0][at.1][i].protects(reader) {
                return true;
            }
            match extreme(self.g, hidden, reader, at, direction) {
                Extreme::Point(v, table) => {
                    self.seen[at.0][at.1][i].widen(v);
                    for ((r, c), x) in table {
                        let whole = x.round();
                        if is_small(self.g[r][c]) && (x - whole).abs() < EPSILON && whole >= 0.0 {
                            self.seen[r][c][i].widen(whole as u64);
                        }
                    }
                }
                Extreme::Unbounded => self.seen[at.0][at.1][i].high = None,
                // Unproven is unprotected: more will be hidden.
                Extreme::Unknown => return false,
            }
        }
        self.seen[at.0][at.1][i].protects(reader)
    }
}

/// The solver's tolerance is 1e-7; anything closer than this to a whole number is one.
const EPSILON: f64 = 1e-6;

enum Extreme {
    /// The extreme value (rounded inward) and the table that reaches it.
    Point(u64, Vec<((usize, usize), f64)>),
    Unbounded,
    /// The solver failed (or found no table, which the true one contradicts).
    Unknown,
}

/// The least or greatest value the hidden entry `at` can take, for `reader`. Only the hidden
/// entries linked to `at` through shared lines matter; the others are left out.
fn extreme(
    g: &[Vec<u64>],
    hidden: &[Vec<bool>],
    reader: Reader,
    at: (usize, usize),
    direction: OptimizationDirection,
) -> Extreme {
    let (rows, cols) = (g.len(), g.first().map_or(0, Vec::len));
    let entries = component(hidden, at);
    let mut problem = Problem::new(direction);
    let mut vars: Vec<Vec<Option<Variable>>> = vec![vec![None; cols]; rows];
    for &(r, c) in &entries {
        let objective = if (r, c) == at { 1.0 } else { 0.0 };
        vars[r][c] = Some(problem.add_var(objective, reader.bounds(g[r][c])));
    }
    let (mut row_done, mut col_done) = (vec![false; rows], vec![false; cols]);
    for &(r, c) in &entries {
        if !std::mem::replace(&mut row_done[r], true) {
            add_line(&mut problem, g, &vars, (0..cols).map(|k| (r, k)).collect());
        }
        if !std::mem::replace(&mut col_done[c], true) {
            add_line(&mut problem, g, &vars, (0..rows).map(|k| (k, c)).collect());
        }
    }
    let solution = match problem.solve().map(|o| o.into_solution()) {
        Ok(Ok(s)) => s,
        Err(Error::Unbounded) => return Extreme::Unbounded,
        _ => return Extreme::Unknown,
    };
    let v = solution.objective();
    let inward = match direction {
        OptimizationDirection::Minimize => (v - EPSILON).ceil(),
        OptimizationDirection::Maximize => (v + EPSILON).floor(),
    };
    let table = entries
        .iter()
        .filter_map(|&(r, c)| vars[r][c].map(|x| ((r, c), solution.var_value(x))))
        .collect();
    Extreme::Point(inward.max(0.0) as u64, table)
}

/// One line as an equation: its parts minus its total (the last entry) is zero, with the
/// published entries moved to the right-hand side.
fn add_line(problem: &mut Problem, g: &[Vec<u64>], vars: &[Vec<Option<Variable>>], line: Vec<(usize, usize)>) {
    let mut terms = Vec::new();
    let mut rhs = 0.0;
    for (k, &(r, c)) in line.iter().enumerate() {
        let sign = if k + 1 == line.len() { -1.0 } else { 1.0 };
        match vars[r][c] {
            Some(x) => terms.push((x, sign)),
            None => rhs -= sign * g[r][c] as f64,
        }
    }
    problem.add_constraint(terms, ComparisonOp::Eq, rhs);
}

/// The hidden entries linked to `at` (itself included) through lines holding hidden entries.
fn component(hidden: &[Vec<bool>], at: (usize, usize)) -> Vec<(usize, usize)> {
    let (rows, cols) = (hidden.len(), hidden.first().map_or(0, Vec::len));
    let mut seen = vec![vec![false; cols]; rows];
    seen[at.0][at.1] = true;
    let (mut queue, mut out) = (vec![at], Vec::new());
    while let Some((r, c)) = queue.pop() {
        out.push((r, c));
        let line = (0..cols).map(|k| (r, k)).chain((0..rows).map(|k| (k, c)));
        for (r2, c2) in line {
            if hidden[r2][c2] && !seen[r2][c2] {
                seen[r2][c2] = true;
                queue.push((r2, c2));
            }
        }
    }
    out.sort_unstable();
    out
}
