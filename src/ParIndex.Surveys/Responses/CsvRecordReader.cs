namespace ParIndex.Surveys.Responses;

/// <summary>
/// A streaming RFC 4180 reader: quoted cells with doubled quotes, delimiters and line breaks
/// inside quotes, CRLF or LF. Cells are exposed as spans over a reused buffer, so reading a
/// record allocates nothing; memory is bounded by the longest record, not the file.
/// Lenient where survey tools are sloppy: a stray quote inside an unquoted cell is kept as text.
/// </summary>
public sealed class CsvRecordReader : IDisposable
{
    private readonly TextReader reader;
    // 16 K characters (32 KB) stays below the large-object heap, whose allocations cost gen-2 collections.
    private readonly char[] buffer = new char[16 * 1024];
    private int position;
    private int length;
    private char[] data = new char[4096];
    private int dataLength;
    private int[] ends = new int[64];

    /// <param name="reader">The text; disposed with this reader.</param>
    /// <param name="delimiter">The cell delimiter, or null to detect <c>,</c> <c>;</c> or tab from the first record.</param>
    public CsvRecordReader(TextReader reader, char? delimiter = null)
    {
        this.reader = reader ?? throw new ArgumentNullException(nameof(reader));
        Fill();
        Delimiter = delimiter ?? DetectDelimiter();
    }

    public char Delimiter { get; }

    /// <summary>Cells in the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>1-based number of the current record (the header is record 1), as a spreadsheet numbers rows.</summary>
    public int RecordNumber { get; private set; }

    public ReadOnlySpan<char> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, FieldCount);
            var start = index == 0 ? 0 : ends[index - 1];
            return data.AsSpan(start, ends[index] - start);
        }
    }

    /// <summary>Reads the next record; false at the end. Throws <see cref="SurveyFileFormatException"/> for a quote left open.</summary>
    public bool Read()
    {
        FieldCount = 0;
        dataLength = 0;
        if (position >= length && Fill() == 0)
        {
            return false;
        }

        RecordNumber++;
        var delimiter = Delimiter;
        while (true)
        {
            var c = Peek();
            if (c == '"')
            {
                position++;
                ReadQuoted();
            }

            // Unquoted text (or what follows a closing quote) up to the delimiter or the line end.
            while (true)
            {
                if (position >= length && Fill() == 0)
                {
                    EndField();
                    return true;
                }

                var span = buffer.AsSpan(position, length - position);
                var stop = span.IndexOfAny(delimiter, '\n', '\r');
                if (stop < 0)
                {
                    Append(span);
                    position = length;
                    continue;
                }

                Append(span[..stop]);
                position += stop;
                var ch = buffer[position++];
                EndField();
                if (ch == delimiter)
                {
                    break;
                }

                if (ch == '\r' && Peek() == '\n')
                {
                    position++;
                }

                return true;
            }
        }
    }

    private void ReadQuoted()
    {
        var startRecord = RecordNumber;
        while (true)
        {
            if (position >= length && Fill() == 0)
            {
                throw new SurveyFileFormatException(startRecord, FieldCount + 1, $"Dòng {startRecord}, ô thứ {FieldCount + 1}: dấu nháy kép (\") mở nhưng không đóng đến cuối tệp.");
            }

            var span = buffer.AsSpan(position, length - position);
            var quote = span.IndexOf('"');
            if (quote < 0)
            {
                Append(span);
                position = length;
                continue;
            }

            Append(span[..quote]);
            position += quote + 1;
            if (Peek() == '"')
            {
                Append("\"");
                position++;
                continue;
            }

            return;
        }
    }

    private int Peek()
    {
        if (position >= length && Fill() == 0)
        {
            return -1;
        }

        return buffer[position];
    }

    private int Fill()
    {
        position = 0;
        length = reader.ReadBlock(buffer, 0, buffer.Length);
        return length;
    }

    private void Append(ReadOnlySpan<char> text)
    {
        if (dataLength + text.Length > data.Length)
        {
            Array.Resize(ref data, Math.Max(data.Length * 2, dataLength + text.Length));
        }

        text.CopyTo(data.AsSpan(dataLength));
        dataLength += text.Length;
    }

    private void EndField()
    {
        if (FieldCount == ends.Length)
        {
            Array.Resize(ref ends, ends.Length * 2);
        }

        ends[FieldCount++] = dataLength;
    }

    /// <summary>Counts candidate delimiters outside quotes in the first line; comma wins ties.</summary>
    private char DetectDelimiter()
    {
        int commas = 0, semicolons = 0, tabs = 0;
        var quoted = false;
        for (var i = position; i < length; i++)
        {
            var c = buffer[i];
            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted)
            {
                if (c is '\n' or '\r')
                {
                    break;
                }

                commas += c == ',' ? 1 : 0;
                semicolons += c == ';' ? 1 : 0;
                tabs += c == '\t' ? 1 : 0;
            }
        }

        return semicolons > commas && semicolons >= tabs ? ';' : tabs > commas ? '\t' : ',';
    }

    public void Dispose() => reader.Dispose();
}
