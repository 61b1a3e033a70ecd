//! Name matching: decides whether a party name on a manifest designates a listed entity.
