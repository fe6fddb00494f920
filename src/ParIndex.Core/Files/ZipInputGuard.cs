using System.Buffers.Binary;
using System.IO.Compression;

namespace ParIndex.Core.Files;

/// <summary>
/// Bounds for a zip-based input (xlsx, docx) once unzipped. See docs/adr/0008-zip-input-bounds.md.
/// </summary>
public sealed record ZipInputLimits
{
    /// <summary>Most entries in the archive (an xlsx or docx has tens).</summary>
    public required int MaxEntries { get; init; }

    /// <summary>Most bytes of all entries together once inflated, declared and actual.</summary>
    public required long MaxTotalBytes { get; init; }

    /// <summary>Highest inflated / compressed ratio of an entry larger than <see cref="RatioFloorBytes"/>.</summary>
    public int MaxRatio { get; init; } = 250;

    /// <summary>Entries up to this size may have any ratio: a small run of blanks compresses very well.</summary>
    public long RatioFloorBytes { get; init; } = 1024 * 1024;

    /// <summary>
    /// Survey response workbooks: up to 256 MB of XML (about seven million cells), read as a stream.
    /// </summary>
    public static ZipInputLimits SurveyResponses { get; } = new() { MaxEntries = 1000, MaxTotalBytes = 256L * 1024 * 1024 };

    /// <summary>
    /// Official tables (xlsx, docx), loaded whole into a document model: tens of kilobytes in practice.
    /// </summary>
    public static ZipInputLimits OfficeDocuments { get; } = new() { MaxEntries = 1000, MaxTotalBytes = 32L * 1024 * 1024 };
}

/// <summary>A zip-based input refused by <see cref="ZipInputGuard"/>; the message says which bound, in Vietnamese and English.</summary>
public sealed class ZipInputRefusedException : Exception
{
    public ZipInputRefusedException()
        : this("Tệp nén vượt giới hạn cho phép (archive exceeds the limits).")
    {
    }

    public ZipInputRefusedException(string message)
        : base(message)
    {
    }

    public ZipInputRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// Checks a zip archive (an xlsx or docx) before a reader opens it, so that a small upload cannot
/// unzip into gigabytes (a zip bomb). First the central directory alone: the entry count, the sum of
/// the declared sizes and each entry's compression ratio. Then every entry is inflated once into a
/// counter, not into memory, because declared sizes can lie: an entry that inflates past its
/// declared size, or past the bounds, is refused at that byte. Memory stays at one read buffer.
/// <para>Throws <see cref="ZipInputRefusedException"/> for an archive over the bounds and
/// <see cref="InvalidDataException"/> for bytes that are not a zip archive; the stream's position is
/// restored.</para>
/// </summary>
public static class ZipInputGuard
{
    private const uint EndOfCentralDirectory = 0x06054b50;
    private const uint Zip64EndOfCentralDirectory = 0x06064b50;
    private const uint Zip64Locator = 0x07064b50;
    private const uint CentralDirectoryEntry = 0x02014b50;
    private const uint LocalFileHeader = 0x04034b50;

    /// <param name="stream">A seekable stream positioned at the archive's start.</param>
    public static void Check(Stream stream, ZipInputLimits limits)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(limits);
        if (!stream.CanSeek)
        {
            throw new ArgumentException("The archive must be seekable.", nameof(stream));
        }

        var start = stream.Position;
        try
        {
            var entries = CheckCentralDirectory(stream, start, limits);
            CheckInflated(stream, start, entries, limits);
        }
        finally
        {
            stream.Position = start;
        }
    }

    private static List<Entry> CheckCentralDirectory(Stream stream, long start, ZipInputLimits limits)
    {
        var length = stream.Length - start;
        if (length < 22)
        {
            throw new InvalidDataException("Not a zip archive: too short.");
        }

        // The end record is in the last 22 + 65 535 (comment) bytes.
        var tailLength = (int)Math.Min(length, 22 + ushort.MaxValue);
        var tail = new byte[tailLength];
        stream.Position = start + length - tailLength;
        stream.ReadExactly(tail);
        var eocd = -1;
        for (var i = tailLength - 22; i >= 0; i--)
        {
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndOfCentralDirectory)
            {
                eocd = i;
                break;
            }
        }

        if (eocd < 0)
        {
            throw new InvalidDataException("Not a zip archive: no end of central directory.");
        }

        ulong entries = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(eocd + 10));
        ulong directorySize = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd + 12));
        ulong directoryOffset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd + 16));
        if ((entries == ushort.MaxValue || directorySize == uint.MaxValue || directoryOffset == uint.MaxValue) && eocd >= 20
            && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(eocd - 20)) == Zip64Locator)
        {
            var zip64At = BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(eocd - 20 + 8));
            if (zip64At > (ulong)(length - 56))
            {
                throw new InvalidDataException("Not a zip archive: bad zip64 end record.");
            }

            var zip64 = new byte[56];
            stream.Position = start + (long)zip64At;
            stream.ReadExactly(zip64);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64EndOfCentralDirectory)
            {
                throw new InvalidDataException("Not a zip archive: bad zip64 end record.");
            }

            entries = BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(32));
            directorySize = BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(40));
            directoryOffset = BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48));
        }

        if (entries > (ulong)limits.MaxEntries)
        {
            throw new ZipInputRefusedException(
                $"Tệp nén có {entries} mục, vượt giới hạn {limits.MaxEntries} mục của một tệp Office (archive has too many entries).");
        }

        if (directoryOffset > (ulong)length || directorySize > (ulong)length - directoryOffset)
        {
            throw new InvalidDataException("Not a zip archive: central directory outside the file.");
        }

        // With at most MaxEntries entries the directory is small: read it at once.
        var directory = new byte[(int)Math.Min(directorySize, int.MaxValue)];
        stream.Position = start + (long)directoryOffset;
        stream.ReadExactly(directory);
        var at = 0;
        long declaredTotal = 0;
        var found = new List<Entry>((int)entries);
        for (ulong n = 0; n < entries; n++)
        {
            if (at + 46 > directory.Length || BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) != CentralDirectoryEntry)
            {
                throw new InvalidDataException("Not a zip archive: broken central directory.");
            }

            var record = directory.AsSpan(at);
            var flags = BinaryPrimitives.ReadUInt16LittleEndian(record[8..]);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            ulong compressed = BinaryPrimitives.ReadUInt32LittleEndian(record[20..]);
            ulong uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(record[24..]);
            ulong localHeader = BinaryPrimitives.ReadUInt32LittleEndian(record[42..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]);
            int extraLength = BinaryPrimitives.ReadUInt16LittleEndian(record[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
            var next = at + 46 + nameLength + extraLength + commentLength;
            if (next > directory.Length)
            {
                throw new InvalidDataException("Not a zip archive: broken central directory.");
            }

            if (uncompressed == uint.MaxValue || compressed == uint.MaxValue || localHeader == uint.MaxValue)
            {
                (uncompressed, compressed, localHeader) = Zip64Fields(directory.AsSpan(at + 46 + nameLength, extraLength), uncompressed, compressed, localHeader);
            }

            var name = System.Text.Encoding.UTF8.GetString(record.Slice(46, nameLength));
            if (uncompressed > (ulong)limits.MaxTotalBytes || (declaredTotal += (long)uncompressed) > limits.MaxTotalBytes)
            {
                throw TooLarge(limits);
            }

            CheckRatio(name, (long)uncompressed, (long)compressed, limits);
            if (localHeader > (ulong)length || compressed > (ulong)length)
            {
                throw new InvalidDataException("Not a zip archive: an entry outside the file.");
            }

            found.Add(new Entry(name, flags, method, (long)compressed, (long)uncompressed, (long)localHeader));
            at = next;
        }

        return found;
    }

    /// <summary>The zip64 extra field (id 1) holds the 64-bit values whose 32-bit fields are all ones: uncompressed, compressed, header offset.</summary>
    private static (ulong Uncompressed, ulong Compressed, ulong LocalHeader) Zip64Fields(ReadOnlySpan<byte> extra, ulong uncompressed, ulong compressed, ulong localHeader)
    {
        while (extra.Length >= 4)
        {
            var id = BinaryPrimitives.ReadUInt16LittleEndian(extra);
            var size = BinaryPrimitives.ReadUInt16LittleEndian(extra[2..]);
            if (4 + size > extra.Length)
            {
                break;
            }

            if (id == 1)
            {
                var field = extra.Slice(4, size);
                if (uncompressed == uint.MaxValue && field.Length >= 8)
                {
                    uncompressed = BinaryPrimitives.ReadUInt64LittleEndian(field);
                    field = field[8..];
                }

                if (compressed == uint.MaxValue && field.Length >= 8)
                {
                    compressed = BinaryPrimitives.ReadUInt64LittleEndian(field);
                    field = field[8..];
                }

                if (localHeader == uint.MaxValue && field.Length >= 8)
                {
                    localHeader = BinaryPrimitives.ReadUInt64LittleEndian(field);
                }

                break;
            }

            extra = extra[(4 + size)..];
        }

        return (uncompressed, compressed, localHeader);
    }

    /// <summary>
    /// Inflates every entry's own bytes (from its local header, with our own inflater: a zip reader
    /// that stops at the declared size would hide the lie) into a counter, never into memory.
    /// </summary>
    private static void CheckInflated(Stream stream, long start, List<Entry> entries, ZipInputLimits limits)
    {
        var buffer = new byte[64 * 1024];
        var header = new byte[30];
        long total = 0;
        foreach (var entry in entries)
        {
            if ((entry.Flags & 1) != 0)
            {
                throw new InvalidDataException($"Encrypted entry {entry.Name}.");
            }

            stream.Position = start + entry.LocalHeader;
            stream.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalFileHeader)
            {
                throw new InvalidDataException("Not a zip archive: broken local header.");
            }

            var dataStart = entry.LocalHeader + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
            if (dataStart + entry.Compressed > stream.Length - start)
            {
                throw new InvalidDataException("Not a zip archive: an entry outside the file.");
            }

            using var window = new WindowStream(stream, start + dataStart, entry.Compressed);
            using Stream content = entry.Method switch
            {
                0 => window,
                8 => new DeflateStream(window, CompressionMode.Decompress, leaveOpen: true),
                _ => throw new InvalidDataException($"Unsupported compression method {entry.Method} in {entry.Name}."),
            };
            long inflated = 0;
            int read;
            while ((read = content.Read(buffer)) > 0)
            {
                inflated += read;
                total += read;
                if (inflated > entry.Uncompressed)
                {
                    throw new ZipInputRefusedException(
                        $"Mục \"{Shorten(entry.Name)}\" của tệp nén giải nén ra nhiều hơn kích thước khai báo ({entry.Uncompressed} byte): tệp bị sửa đổi hoặc là bom nén (an entry inflates past its declared size).");
                }

                if (total > limits.MaxTotalBytes)
                {
                    throw TooLarge(limits);
                }

                CheckRatio(entry.Name, inflated, entry.Compressed, limits);
            }
        }
    }

    private static void CheckRatio(string name, long uncompressed, long compressed, ZipInputLimits limits)
    {
        if (uncompressed > limits.RatioFloorBytes && uncompressed > (long)limits.MaxRatio * Math.Max(compressed, 1))
        {
            throw new ZipInputRefusedException(
                $"Mục \"{Shorten(name)}\" của tệp nén có tỷ lệ nén bất thường (hơn {limits.MaxRatio} lần): có thể là bom nén, tệp không được đọc (suspicious compression ratio).");
        }
    }

    private static ZipInputRefusedException TooLarge(ZipInputLimits limits) =>
        new($"Tệp nén giải nén ra hơn {limits.MaxTotalBytes / (1024 * 1024)} MB, vượt giới hạn cho phép; tệp không được đọc (archive inflates past the limit).");

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    private sealed record Entry(string Name, ushort Flags, ushort Method, long Compressed, long Uncompressed, long LocalHeader);

    /// <summary>A read-only window of the archive: one entry's compressed bytes.</summary>
    private sealed class WindowStream(Stream inner, long offset, long length) : Stream
    {
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset2, int count) => Read(buffer.AsSpan(offset2, count));

        public override int Read(Span<byte> buffer)
        {
            var left = length - position;
            if (left <= 0)
            {
                return 0;
            }

            inner.Position = offset + position;
            var read = inner.Read(buffer[..(int)Math.Min(buffer.Length, left)]);
            position += read;
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset2, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset2, int count) => throw new NotSupportedException();
    }
}
