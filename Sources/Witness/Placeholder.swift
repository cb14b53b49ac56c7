enum WitnessPlaceholder {}
