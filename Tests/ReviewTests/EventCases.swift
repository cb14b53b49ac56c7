import Records

/// The payloads the rule tests look into, as optionals for `try #require`.
extension Event {
    var roundClosed: RoundClosed? {
        if case .roundClosed(let closed) = self { closed } else { nil }
    }

    var deliberationBegan: DeliberationBegan? {
        if case .deliberationBegan(let began) = self { began } else { nil }
    }

    var ballotIssued: BallotIssued? {
        if case .ballotIssued(let issued) = self { issued } else { nil }
    }
}
