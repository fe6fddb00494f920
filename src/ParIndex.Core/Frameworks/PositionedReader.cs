namespace ParIndex.Core.Frameworks;

/// <summary>
/// What the strict readers of the canonical JSON files (framework, crosswalk) share: shape checks
/// whose errors name the line and column where the offending value starts.
/// </summary>
internal abstract class PositionedReader(ReadOnlyMemory<byte> utf8)
{
    protected ReadOnlyMemory<byte> Utf8 => utf8;

    protected FrameworkFormatException Fail(PositionedJson at, string detail) => TextPosition.Error(utf8.Span, at.Offset, detail);

    protected FrameworkFormatException Fail(int offset, string detail) => TextPosition.Error(utf8.Span, offset, detail);

    protected PositionedObject Object(PositionedJson value, string what) =>
        value as PositionedObject ?? throw Fail(value, $"{what} phải là một đối tượng JSON {{…}}, không phải {value.KindName}.");

    protected PositionedArray Array(PositionedJson value, string name, string what) =>
        value as PositionedArray ?? throw Fail(value, $"thuộc tính \"{name}\" của {what} phải là một mảng [...], không phải {value.KindName}.");

    /// <summary>Refuses a property not in <paramref name="allowed"/>: a typo must not silently lose a value.</summary>
    protected void Known(PositionedObject o, string what, params string[] allowed)
    {
        foreach (var property in o.Properties)
        {
            if (!allowed.Contains(property.Name))
            {
                throw Fail(property.Offset, $"thuộc tính \"{property.Name}\" không được hỗ trợ ở {what} (các thuộc tính hợp lệ: {string.Join(", ", allowed)}).");
            }
        }
    }

    protected PositionedJson Required(PositionedObject o, string name, string what) =>
        o.Get(name) ?? throw Fail(o, $"thiếu thuộc tính \"{name}\" của {what}.");
}
