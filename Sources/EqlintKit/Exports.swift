// The library product: `import EqlintKit` gives a client (the command, a
// test, an editor plugin) the public API of every stage below it too.
@_exported import EqlintText
@_exported import EqlintPlan
@_exported import Rules
