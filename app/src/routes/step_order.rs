//! What the steps of the CV and of a proposal have in common: numbered from 1 as in the address
//! (`?passo=n`), from the first to the last.

/// The steps of an editor, numbered from 1 as in the address.
pub trait StepOrder: Copy + Sized {
    const FIRST: Self;
    const LAST: Self;

    /// The step numbered `n`, if there is one.
    fn numbered(n: usize) -> Option<Self>;

    fn number(self) -> usize;

    /// The step of `?passo=n`: a number out of range is the nearest step.
    fn from_number(n: usize) -> Self {
        Self::numbered(n.clamp(Self::FIRST.number(), Self::LAST.number())).unwrap_or(Self::FIRST)
    }

    /// The step of an address's `?passo=` value, if it is a number.
    fn parse(passo: &str) -> Option<Self> {
        passo.parse::<usize>().ok().map(Self::from_number)
    }

    fn next(self) -> Option<Self> {
        Self::numbered(self.number() + 1)
    }

    fn previous(self) -> Option<Self> {
        self.number().checked_sub(1).and_then(Self::numbered)
    }
}
