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

/// <summary>Reads figures: an object whose values are numbers or number strings; empty values are left out.</summary>
public sealed class FlexibleDecimalDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, decimal>?>
{
    public override IReadOnlyDictionary<string, decimal>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Số liệu phải là một đối tượng JSON.");
        }

        var result = new Dictionary<string, decimal>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            reader.Read();
            decimal? value = reader.TokenType switch
            {
                JsonTokenType.Null => null,
                JsonTokenType.Number => reader.GetDecimal(),
                JsonTokenType.String => FlexibleDecimalConverter.ParseText(reader.GetString()),
                _ => throw new JsonException($"Số liệu \"{name}\" phải là một số."),
            };
            if (value is { } v)
            {
                result[name] = v;
            }
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, decimal>? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNullValue();
            return;
        }

        writer.WriteStartObject();
        foreach (var pair in value)
        {
            writer.WriteNumber(pair.Key, pair.Value);
        }

        writer.WriteEndObject();
    }
}
