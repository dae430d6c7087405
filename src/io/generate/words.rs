//! The words generated boards are made of: titles are a verb, a thing and a context.

pub(super) const VERBS: &[&str] = &[
    "Add",
    "Fix",
    "Refactor",
    "Speed up",
    "Redesign",
    "Localise",
    "Audit",
    "Document",
    "Migrate",
    "Simplify",
    "Instrument",
    "Harden",
    "Support",
    "Remove",
    "Cache",
    "Validate",
];
pub(super) const THINGS: &[&str] = &[
    "checkout flow",
    "payment retry",
    "card form",
    "order summary",
    "refund API",
    "address lookup",
    "fraud check",
    "receipt email",
    "basket page",
    "promo codes",
    "tax calculation",
    "3-D Secure step",
    "wallet payments",
    "invoice export",
    "webhook delivery",
    "session timeout",
    "guest checkout",
    "saved cards",
    "currency display",
    "shipping options",
    "stock reservation",
    "error pages",
];
pub(super) const CONTEXTS: &[&str] = &[
    "on mobile",
    "for returning customers",
    "in the EU",
    "under load",
    "for B2B accounts",
    "in the app",
    "for the pilot market",
    "behind a flag",
    "for screen readers",
    "in the admin console",
];
pub(super) const PEOPLE: &[&str] = &[
    "Ana", "Ben", "Chloé", "Dev", "Emre", "Fatima", "Gus", "Hana",
];
pub(super) const TAGS: &[&str] = &[
    "payments", "ux", "api", "mobile", "perf", "security", "infra", "growth", "a11y",
];
