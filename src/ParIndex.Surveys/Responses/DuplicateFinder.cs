using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace ParIndex.Surveys.Responses;

/// <summary>What <see cref="SurveyResponseReader"/> remembers of a row for the checks it can only make after the pass.</summary>
/// <param name="Row">The row number (unique per reader: it orders a key's rows).</param>
/// <param name="Unit">The reader's index of the row's unit, −1 when the row has none.</param>
/// <param name="Question">Long shape: the question's index, −1 when the row names none.</param>
/// <param name="Answers">The answers the row gave the scorer (0 when it gave none).</param>
/// <param name="ProblemsBefore">Problems of the row that come before the ones found after the pass.</param>
internal readonly record struct RowFacts(int Row, int Unit, short Question, ushort Answers, byte ProblemsBefore, RowFlags Flags);

[Flags]
internal enum RowFlags : byte
{
    None = 0,

    /// <summary>The row had no problem while it was read: it was counted and scored.</summary>
    Valid = 1,

    /// <summary>Long shape: the answer cell is not on the scale; its problem waits for the repeated-answer check.</summary>
    AnswerInvalid = 2,
}

/// <summary>A record handed back in key order; its spans live only during the visitor call.</summary>
internal readonly ref struct SortedRow
{
    private readonly ReadOnlySpan<byte> key;
    private readonly bool asciiKey;
    private readonly ReadOnlySpan<byte> extra;

    public SortedRow(bool newKey, RowFacts facts, ReadOnlySpan<byte> key, bool asciiKey, ReadOnlySpan<byte> extra)
    {
        NewKey = newKey;
        Facts = facts;
        this.key = key;
        this.asciiKey = asciiKey;
        this.extra = extra;
    }

    /// <summary>True on the first (lowest-numbered) row of a key.</summary>
    public bool NewKey { get; }

    public RowFacts Facts { get; }

    public string Key() => asciiKey ? Encoding.ASCII.GetString(key) : new string(MemoryMarshal.Cast<byte, char>(key));

    public string Extra() => new(MemoryMarshal.Cast<byte, char>(extra));
}

internal delegate void SortedRowVisitor(SortedRow row);

/// <summary>
/// Finds rows with equal keys (respondent ids) in bounded memory. Rows are appended to a buffer of
/// at most <c>runRecords</c> records; a full buffer is sorted and written to a temporary file as a
/// run, and at the end the runs are merged (at most <c>fanIn</c> at a time, with a 32 KB buffer
/// each) so that <see cref="Visit"/> sees every key's rows together, in row order. A file with
/// fewer rows than one buffer never touches the disk.
/// <para>Records hold the key itself, not only its 64-bit fingerprint: the fingerprint orders the
/// records and settles most comparisons, the key bytes settle equal fingerprints, so two different
/// respondents never make a false duplicate and the reader can name the respondent in its message
/// without reading the file again.</para>
/// <para>The temporary file is unlinked as soon as it is created (deleted on close on Windows):
/// nothing is left behind by an exception, a cancellation or a killed process.</para>
/// </summary>
internal sealed class DuplicateFinder : IDisposable
{
    /// <summary>≈ 3 MB of records and 1 MB of sort entries at most; 1M respondents (wide) make 16 runs, 1M × 19 answers (long) 290.</summary>
    public const int DefaultRunRecords = 65_536;

    /// <summary>
    /// Runs merged at once (≈ 4 MB of read buffers); more are first merged into bigger runs, so
    /// memory does not grow with the number of runs.
    /// </summary>
    public const int DefaultFanIn = 128;

    // Record layout: fingerprint u64 | row i32 | unit i32 | question i16 | answers u16 |
    // problems before u8 | flags u8 | ASCII key u8 | pad u8 | key bytes i32 | extra bytes i32 | key | extra.
    private const int HeaderSize = 32;
    private const int ReadBufferSize = 32 * 1024;
    private const int AverageRecord = 48;

    private readonly int runRecords;
    private readonly int fanIn;
    private readonly string tempDirectory;
    private readonly Func<ReadOnlySpan<char>, ulong>? fingerprintOf;
    private readonly List<(long Start, long End)> runs = [];
    private readonly byte[] writeBuffer;
    private byte[] arena = new byte[4096];
    private int arenaUsed;
    private Entry[] entries = new Entry[256];
    private int count;
    private SafeFileHandle? file;
    private long fileLength;
    private byte[] previousKey = new byte[64];
    private int previousKeyLength = -1;
    private bool previousAscii;
    private bool visited;
    private bool disposed;

    public DuplicateFinder()
        : this(DefaultRunRecords, DefaultFanIn, null)
    {
    }

    /// <param name="runRecords">Records sorted in memory before a run is written.</param>
    /// <param name="fanIn">Runs merged at once (at least 2).</param>
    /// <param name="tempDirectory">Where the run file goes; the system's temporary directory when null.</param>
    /// <param name="fingerprint">Replaces the FNV-1a fingerprint (tests force collisions with it).</param>
    public DuplicateFinder(int runRecords, int fanIn, string? tempDirectory, Func<ReadOnlySpan<char>, ulong>? fingerprint = null)
    {
        fingerprintOf = fingerprint;
        ArgumentOutOfRangeException.ThrowIfLessThan(runRecords, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(fanIn, 2);
        this.runRecords = runRecords;
        this.fanIn = fanIn;
        this.tempDirectory = tempDirectory ?? Path.GetTempPath();
        writeBuffer = new byte[ReadBufferSize];
    }

    /// <summary>Rows added.</summary>
    public long Count { get; private set; }

    /// <summary>Runs written to the temporary file so far (0: everything is still in memory).</summary>
    public int RunsWritten { get; private set; }

    /// <summary>Bytes written to the temporary file so far, merges included.</summary>
    public long BytesWritten => fileLength;

    /// <summary>Adds a row under <paramref name="key"/> (compared ordinally), with an optional text that comes back with it.</summary>
    public void Add(ReadOnlySpan<char> key, RowFacts facts, ReadOnlySpan<char> extra = default)
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        if (visited)
        {
            throw new InvalidOperationException("Rows cannot be added after the visit.");
        }

        // Most ids are ASCII: one byte a character halves the run file. A non-ASCII id keeps its
        // UTF-16 code units as they are (no re-encoding, so lone surrogates stay distinct).
        var ascii = System.Text.Ascii.IsValid(key);
        var keyBytes = checked(ascii ? key.Length : key.Length * 2);
        var extraBytes = checked(extra.Length * 2);
        var size = checked(HeaderSize + keyBytes + extraBytes);
        if (count > 0 && (count == runRecords || arenaUsed + size > (long)runRecords * AverageRecord))
        {
            Spill();
        }

        EnsureCapacity(size);
        var record = arena.AsSpan(arenaUsed, size);
        var fingerprint = fingerprintOf is null ? Fingerprint(key) : fingerprintOf(key);
        MemoryMarshal.Write(record, in fingerprint);
        var row = facts.Row;
        MemoryMarshal.Write(record[8..], in row);
        var unit = facts.Unit;
        MemoryMarshal.Write(record[12..], in unit);
        var question = facts.Question;
        MemoryMarshal.Write(record[16..], in question);
        var answers = facts.Answers;
        MemoryMarshal.Write(record[18..], in answers);
        record[20] = facts.ProblemsBefore;
        record[21] = (byte)facts.Flags;
        record[22] = ascii ? (byte)1 : (byte)0;
        record[23] = 0;
        MemoryMarshal.Write(record[24..], in keyBytes);
        MemoryMarshal.Write(record[28..], in extraBytes);
        if (ascii)
        {
            System.Text.Ascii.FromUtf16(key, record.Slice(HeaderSize, keyBytes), out _);
        }
        else
        {
            MemoryMarshal.AsBytes(key).CopyTo(record[HeaderSize..]);
        }

        MemoryMarshal.AsBytes(extra).CopyTo(record[(HeaderSize + keyBytes)..]);
        entries[count++] = new Entry(fingerprint, row, arenaUsed);
        arenaUsed += size;
        Count++;
    }

    /// <summary>Calls <paramref name="visitor"/> for every row, ordered by key and, within a key, by row. Once.</summary>
    public void Visit(SortedRowVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        ObjectDisposedException.ThrowIf(disposed, this);
        if (visited)
        {
            throw new InvalidOperationException("The rows were already visited.");
        }

        visited = true;
        if (file is null)
        {
            SortBuffer();
            for (var i = 0; i < count; i++)
            {
                var offset = entries[i].Offset;
                Deliver(arena.AsSpan(offset, RecordSize(arena.AsSpan(offset))), visitor);
            }

            return;
        }

        Spill();
        // The buffer is not needed any more: let the merge's buffers take its place.
        arena = [];
        entries = [];
        while (runs.Count > fanIn)
        {
            // Merge just enough of the smallest runs that the rest fit one final merge.
            var take = Math.Min(runs.Count - fanIn + 1, fanIn);
            runs.Sort((a, b) => (a.End - a.Start).CompareTo(b.End - b.Start));
            var merged = runs.GetRange(0, take);
            runs.RemoveRange(0, take);
            var start = fileLength;
            var writer = new RunWriter(file, writeBuffer, fileLength);
            Merge(merged, (record, _) => writer.Write(record), null);
            fileLength = writer.Flush();
            runs.Add((start, fileLength));
        }

        Merge(runs, (record, v) => Deliver(record, v!), visitor);
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        file?.Dispose();
        file = null;
        arena = [];
        entries = [];
    }

    /// <summary>FNV-1a over the UTF-16 code units: cheap, and only orders records (equal keys are confirmed byte by byte).</summary>
    internal static ulong Fingerprint(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private void EnsureCapacity(int size)
    {
        if (arenaUsed + size > arena.Length)
        {
            // Doubling, but not past the run's limit (unless one record is bigger): the limit is the memory bound.
            var needed = (long)arenaUsed + size;
            var limit = Math.Max((long)runRecords * AverageRecord, needed);
            Array.Resize(ref arena, (int)Math.Min(Array.MaxLength, Math.Min(Math.Max((long)arena.Length * 2, needed), limit)));
        }

        if (count == entries.Length)
        {
            Array.Resize(ref entries, Math.Min(entries.Length * 2, Math.Max(runRecords, entries.Length + 1)));
        }
    }

    private void SortBuffer() => Array.Sort(entries, 0, count, new EntryComparer(arena));

    private void Spill()
    {
        if (count == 0)
        {
            return;
        }

        SortBuffer();
        file ??= CreateFile();
        var start = fileLength;
        var writer = new RunWriter(file, writeBuffer, fileLength);
        for (var i = 0; i < count; i++)
        {
            var offset = entries[i].Offset;
            writer.Write(arena.AsSpan(offset, RecordSize(arena.AsSpan(offset))));
        }

        fileLength = writer.Flush();
        runs.Add((start, fileLength));
        RunsWritten++;
        count = 0;
        arenaUsed = 0;
    }

    private SafeFileHandle CreateFile()
    {
        var path = Path.Combine(tempDirectory, $"parindex-survey-keys-{Guid.NewGuid():N}.tmp");
        var windows = OperatingSystem.IsWindows();
        var handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None,
            windows ? FileOptions.DeleteOnClose : FileOptions.None);
        if (!windows)
        {
            try
            {
                // Unlinked while open: the data stays reachable through the handle, and the space
                // is freed when the handle closes, whatever ends the process.
                File.Delete(path);
            }
            catch
            {
                handle.Dispose();
                throw;
            }
        }

        return handle;
    }

    private void Merge(List<(long Start, long End)> sources, Action<ReadOnlySpan<byte>, SortedRowVisitor?> action, SortedRowVisitor? visitor)
    {
        var queue = new PriorityQueue<RunCursor, RunCursor>(sources.Count, CursorComparer.Instance);
        foreach (var (start, end) in sources)
        {
            var cursor = new RunCursor(file!, start, end);
            if (cursor.MoveNext())
            {
                queue.Enqueue(cursor, cursor);
            }
        }

        while (queue.TryDequeue(out var cursor, out _))
        {
            action(cursor.Current, visitor);
            if (cursor.MoveNext())
            {
                queue.Enqueue(cursor, cursor);
            }
        }
    }

    private void Deliver(ReadOnlySpan<byte> record, SortedRowVisitor visitor)
    {
        var keyBytes = MemoryMarshal.Read<int>(record[24..]);
        var extraBytes = MemoryMarshal.Read<int>(record[28..]);
        var ascii = record[22] == 1;
        var key = record.Slice(HeaderSize, keyBytes);
        var newKey = previousKeyLength < 0 || ascii != previousAscii || !key.SequenceEqual(previousKey.AsSpan(0, previousKeyLength));
        if (newKey)
        {
            if (previousKey.Length < keyBytes)
            {
                previousKey = new byte[Math.Max(keyBytes, previousKey.Length * 2)];
            }

            key.CopyTo(previousKey);
            previousKeyLength = keyBytes;
            previousAscii = ascii;
        }

        var facts = new RowFacts(
            MemoryMarshal.Read<int>(record[8..]),
            MemoryMarshal.Read<int>(record[12..]),
            MemoryMarshal.Read<short>(record[16..]),
            MemoryMarshal.Read<ushort>(record[18..]),
            record[20],
            (RowFlags)record[21]);
        visitor(new SortedRow(newKey, facts, key, ascii, record.Slice(HeaderSize + keyBytes, extraBytes)));
    }

    private static int RecordSize(ReadOnlySpan<byte> header) =>
        HeaderSize + MemoryMarshal.Read<int>(header[24..]) + MemoryMarshal.Read<int>(header[28..]);

    /// <summary>Order of records: fingerprint, then the key (its encoding flag, then its bytes), then the row.</summary>
    private static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var byFingerprint = MemoryMarshal.Read<ulong>(a).CompareTo(MemoryMarshal.Read<ulong>(b));
        return byFingerprint != 0 ? byFingerprint : CompareKeyThenRow(a, b);
    }

    private static int CompareKeyThenRow(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        var byEncoding = a[22].CompareTo(b[22]);
        if (byEncoding != 0)
        {
            return byEncoding;
        }

        var byKey = a.Slice(HeaderSize, MemoryMarshal.Read<int>(a[24..])).SequenceCompareTo(b.Slice(HeaderSize, MemoryMarshal.Read<int>(b[24..])));
        return byKey != 0 ? byKey : MemoryMarshal.Read<int>(a[8..]).CompareTo(MemoryMarshal.Read<int>(b[8..]));
    }

    private readonly record struct Entry(ulong Fingerprint, int Row, int Offset);

    private sealed class EntryComparer(byte[] arena) : IComparer<Entry>
    {
        public int Compare(Entry x, Entry y)
        {
            var byFingerprint = x.Fingerprint.CompareTo(y.Fingerprint);
            return byFingerprint != 0 ? byFingerprint : CompareKeyThenRow(arena.AsSpan(x.Offset), arena.AsSpan(y.Offset));
        }
    }

    private sealed class CursorComparer : IComparer<RunCursor>
    {
        public static readonly CursorComparer Instance = new();

        public int Compare(RunCursor? x, RunCursor? y) => DuplicateFinder.Compare(x!.Current, y!.Current);
    }

    /// <summary>Writes records at a file offset through one reused buffer.</summary>
    private sealed class RunWriter(SafeFileHandle file, byte[] buffer, long offset)
    {
        private int used;

        public void Write(ReadOnlySpan<byte> record)
        {
            if (used + record.Length > buffer.Length)
            {
                FlushBuffer();
                if (record.Length > buffer.Length)
                {
                    RandomAccess.Write(file, record, offset);
                    offset += record.Length;
                    return;
                }
            }

            record.CopyTo(buffer.AsSpan(used));
            used += record.Length;
        }

        /// <summary>Writes what is buffered; the offset after the last record.</summary>
        public long Flush()
        {
            FlushBuffer();
            return offset;
        }

        private void FlushBuffer()
        {
            if (used > 0)
            {
                RandomAccess.Write(file, buffer.AsSpan(0, used), offset);
                offset += used;
                used = 0;
            }
        }
    }

    /// <summary>Reads one run's records in order through its own buffer.</summary>
    private sealed class RunCursor(SafeFileHandle file, long next, long end)
    {
        private byte[] buffer = new byte[(int)Math.Min(ReadBufferSize, Math.Max(HeaderSize, end - next))];
        private int position;
        private int filled;
        private int recordStart;
        private int recordLength;

        public ReadOnlySpan<byte> Current => buffer.AsSpan(recordStart, recordLength);

        public bool MoveNext()
        {
            position = recordStart + recordLength;
            recordLength = 0;
            if (!Ensure(HeaderSize))
            {
                return false;
            }

            var size = RecordSize(buffer.AsSpan(position));
            if (!Ensure(size))
            {
                throw new InvalidDataException("The survey key file ended inside a record.");
            }

            recordStart = position;
            recordLength = size;
            return true;
        }

        /// <summary>Makes <paramref name="bytes"/> bytes available at <see cref="position"/>; false when the run has ended first.</summary>
        private bool Ensure(int bytes)
        {
            if (filled - position >= bytes)
            {
                return true;
            }

            var left = filled - position;
            if (left == 0 && next >= end)
            {
                return false;
            }

            if (buffer.Length < bytes)
            {
                var bigger = new byte[bytes];
                buffer.AsSpan(position, left).CopyTo(bigger);
                buffer = bigger;
            }
            else
            {
                buffer.AsSpan(position, left).CopyTo(buffer);
            }

            position = 0;
            recordStart = 0;
            filled = left;
            while (filled < bytes && next < end)
            {
                var want = (int)Math.Min(buffer.Length - filled, end - next);
                var read = RandomAccess.Read(file, buffer.AsSpan(filled, want), next);
                if (read <= 0)
                {
                    throw new InvalidDataException("The survey key file is shorter than written.");
                }

                filled += read;
                next += read;
            }

            if (filled < bytes && left > 0)
            {
                throw new InvalidDataException("The survey key file ended inside a record.");
            }

            return filled >= bytes;
        }
    }
}
