using System.Text.Json;
using System.Text.Json.Serialization;
using ParIndex.Core.Numbers;

namespace ParIndex.Web.Assessments;

/// <summary>Reads a decimal from a JSON number or from a string in either notation (<c>"1,5"</c>, <c>"1.5"</c>); empty means null.</summary>
public sealed class FlexibleDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String => ParseText(reader.GetString()),
            _ => throw new JsonException("Cần một số."),
        };

    internal static decimal? ParseText(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null
        : VietnameseNumbers.TryParse(text, out var value) ? value
        : throw new JsonException($"\"{text}\" không phải là số hợp lệ.");

    public override void Write(Utf8JsonWriter writer, decimal? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteNumberValue(v);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
