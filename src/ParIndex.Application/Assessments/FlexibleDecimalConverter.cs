using System.Text.Json;
using System.Text.Json.Serialization;
using ParIndex.Core.Numbers;

namespace ParIndex.Application.Assessments;

/// <summary>Reads a decimal from a JSON number or from a string in either notation (<c>"1,5"</c>, <c>"1.5"</c>); empty means null.</summary>
public sealed class FlexibleDecimalConverter : JsonConverter<decimal?>
{
    public override decimal? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Null => null,
            JsonTokenType.Number => reader.GetDecimal(),
            JsonTokenType.String => ParseText(StringOf(ref reader)),
            _ => throw new JsonException("Cần một số."),
        };

    // An escaped lone surrogate makes GetString throw InvalidOperationException, which binding
    // would not turn into a 400 (found by the fuzz test): it is a JSON error like any other.
    private static string? StringOf(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException e)
        {
            throw new JsonException("Chuỗi JSON có ký tự không hợp lệ.", e);
        }
    }

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
