import Czlib

/// Compresses bytes into the gzip format (RFC 1952) through zlib, for the `.gz` beside each published file.
enum Gzip {
    /// The gzip file of `bytes` at the best compression. zlib leaves the header's time and name empty, so the
    /// same bytes always give the same file (and the same ETag from a server).
    /// - Parameter path: the file being written, named in an error.
    static func compress(_ bytes: [UInt8], for path: String) throws(PublishError) -> [UInt8] {
        var stream = z_stream()
        // 15 bits of window, plus 16: write a gzip header and trailer instead of zlib's.
        let started = deflateInit2_(
            &stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
            Int32(MemoryLayout<z_stream>.size))
        guard started == Z_OK else {
            throw PublishError(path: path, call: "deflateInit2", reason: "zlib error \(started)")
        }
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var input = bytes
        let result = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard result == Z_STREAM_END else {
            throw PublishError(path: path, call: "deflate", reason: "zlib error \(result)")
        }
        return Array(output.prefix(Int(stream.total_out)))
    }
}
