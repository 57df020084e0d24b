namespace Lambda.Toolkit.Runtime.Http;

/// <summary>Where a connection is in reading the current response's body.</summary>
internal enum BodyState
{
    /// <summary>The body has been read to its end (or there is none).</summary>
    Complete,

    /// <summary>A <c>Content-Length</c> body: a known number of bytes remain.</summary>
    ContentLength,

    /// <summary>A body delimited by the end of the connection.</summary>
    UntilClose,

    /// <summary>Chunked: the next chunk-size line comes.</summary>
    ChunkSize,

    /// <summary>Chunked: a known number of the current chunk's bytes remain.</summary>
    ChunkData,

    /// <summary>Chunked: the CRLF after a chunk's data comes.</summary>
    ChunkDataEnd,
}
