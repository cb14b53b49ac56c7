import Foundation

// pingshen-bench: tooling for the benchmark scripts in scripts/.
//
//   pingshen-bench generate DIR [--candidates 500] [--members 25] [--batch 1] [--signed]
//       writes a finished session journal straight from the engine (see SessionGenerator)
//   pingshen-bench phases DIR        times reading, decoding and replaying DIR's journal
//   pingshen-bench overview-phases DIR   times loading for documents and rendering the 一览表
//   pingshen-bench seal [COUNT]      checkpoint and ballot verification rates
//   pingshen-bench seal-micro [COUNT]   the same, split into parse / hash / verify steps
//   pingshen-bench open-micro DIR    times opening one generated year session for the verifier
//   pingshen-bench year DIR [--sessions N] …   a year of sealed sessions (see YearGenerator)

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(2)
}

let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "generate": SessionGenerator(arguments: Array(arguments.dropFirst())).run()
case "phases":
    guard arguments.count == 2 else { fail("usage: pingshen-bench phases DIR") }
    Phases.run(arguments[1])
case "overview-phases":
    guard arguments.count == 2 else { fail("usage: pingshen-bench overview-phases DIR") }
    OverviewPhases.run(arguments[1])
case "seal": SealRates.run(count: arguments.count > 1 ? Int(arguments[1]) ?? 20000 : 20000)
case "seal-micro": sealMicro(count: arguments.count > 1 ? Int(arguments[1]) ?? 20000 : 20000)
case "open-micro": openMicro(Array(arguments.dropFirst()))
case "year": YearGenerator.run(Array(arguments.dropFirst()))
default: fail("usage: pingshen-bench generate DIR [--candidates N] [--members M] [--batch B] [--signed] | phases DIR | seal [COUNT] | seal-micro [COUNT] | open-micro DIR | year DIR …")
}
