using System.Text;

namespace ParIndex.Surveys.Responses;

/// <summary>A CSV response file (UTF-8, with or without BOM), read with <see cref="CsvRecordReader"/>.</summary>
public sealed class CsvResponseTable : IResponseTable
{
    private readonly CsvRecordReader csv;

    public CsvResponseTable(Stream stream, char? delimiter = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        csv = new CsvRecordReader(new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 16 * 1024), delimiter);
        var header = new List<string>();
        if (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                header.Add(csv[i].Trim().ToString());
            }
        }

        Header = header;
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber => csv.RecordNumber;

    public int CellCount => csv.FieldCount;

    public ReadOnlySpan<char> Cell(int index) => index < csv.FieldCount ? csv[index] : [];

    public bool ReadRow() => csv.Read();

    public void Dispose() => csv.Dispose();
}
