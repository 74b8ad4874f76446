/// Why a DEFLATE stream (RFC 1951) could not be inflated. Each case reads
/// as a sentence for people; the stream is refused as a whole, and nothing
/// it produced is kept.
public enum InflateError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The input ends before the final block does.
    case truncated
    /// A block header names type 3, which DEFLATE reserves.
    case reservedBlockType
    /// A stored block's length and its ones' complement disagree.
    case storedLengthMismatch(length: Int, complement: Int)
    /// A dynamic block declares more literal/length (over 286) or distance (over 30) codes than DEFLATE has.
    case tooManyCodes(literalLengths: Int, distances: Int)
    /// A dynamic block's code lengths give more codes of some length than there is room for.
    case oversubscribedCode(HuffmanAlphabet)
    /// A dynamic block's code lengths leave codes unused where DEFLATE allows no gap.
    case incompleteCode(HuffmanAlphabet)
    /// A "repeat the previous length" instruction comes first, with nothing to repeat.
    case repeatWithNoPreviousLength
    /// Repeated code lengths run past the number of codes the block declared.
    case tooManyCodeLengths
    /// A dynamic block gives the end-of-block symbol (256) no code, so it could never end.
    case noEndOfBlockCode
    /// The bits read are no code of the block's Huffman code (possible only when it has gaps).
    case invalidCode(HuffmanAlphabet)
    /// A symbol DEFLATE does not use: length symbols 286 and 287, distance symbols 30 and 31.
    case invalidSymbol(HuffmanAlphabet, Int)
    /// A match reaches further back than the start of the output.
    case distanceTooFarBack(distance: Int, available: Int)
    /// The output would be larger than the caller allows.
    case outputLimitExceeded(limit: Int)

    public var description: String {
        switch self {
        case .truncated:
            return "the compressed data ends too soon (it is cut short)"
        case .reservedBlockType:
            return "a block has type 3, which DEFLATE does not use"
        case .storedLengthMismatch(let length, let complement):
            return "a stored block's length (\(length)) does not match its check value (\(complement))"
        case .tooManyCodes(let literalLengths, let distances):
            return "a block declares \(literalLengths) literal/length codes and \(distances) distance codes, "
                + "more than DEFLATE has (286 and 30)"
        case .oversubscribedCode(let alphabet):
            return "a block's \(alphabet) code has more codes than fit (it is over-subscribed)"
        case .incompleteCode(let alphabet):
            return "a block's \(alphabet) code leaves codes unused (it is incomplete)"
        case .repeatWithNoPreviousLength:
            return "a block repeats the previous code length before giving any"
        case .tooManyCodeLengths:
            return "a block gives more code lengths than it declared codes"
        case .noEndOfBlockCode:
            return "a block has no code for its end, so it could never end"
        case .invalidCode(let alphabet):
            return "the data holds bits that are no \(alphabet) code of their block"
        case .invalidSymbol(let alphabet, let symbol):
            return "the data uses \(alphabet) symbol \(symbol), which DEFLATE does not have"
        case .distanceTooFarBack(let distance, let available):
            return "the data refers \(distance) bytes back, but only \(available) came before"
        case .outputLimitExceeded(let limit):
            return "the data would inflate to more than \(ByteCountText.describe(limit))"
        }
    }
}

/// The three Huffman codes of a DEFLATE block, named in errors.
public enum HuffmanAlphabet: Sendable, Equatable, CustomStringConvertible {
    /// The code that codes the other two codes' lengths (19 symbols).
    case codeLengths
    /// Literal bytes, the end of the block and match lengths (symbols 0-287).
    case literalLengths
    /// Match distances (symbols 0-31).
    case distances

    public var description: String {
        switch self {
        case .codeLengths: return "code-length"
        case .literalLengths: return "literal/length"
        case .distances: return "distance"
        }
    }

    /// How many symbols the alphabet has (including those DEFLATE never uses).
    var symbolCount: Int {
        switch self {
        case .codeLengths: return 19
        case .literalLengths: return 288
        case .distances: return 32
        }
    }
}
