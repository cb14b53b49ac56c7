import Hummingbird
enum WitnessServerPlaceholder {}
