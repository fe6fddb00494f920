using System.Text.Json;

namespace ParIndex.Core.Ranking;

/// <summary>A campaign's band scheme as stored (JSON), and the checks a new scheme must pass.</summary>
public static class BandsJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>No stored scheme (null, blank or JSON <c>null</c>) is the default scheme.</summary>
    public static BandScheme Read(string? json) =>
        string.IsNullOrWhiteSpace(json) ? BandScheme.Default : JsonSerializer.Deserialize<BandScheme>(json, Options) ?? BandScheme.Default;

    public static string Write(BandScheme bands) => JsonSerializer.Serialize(bands, Options);

    /// <summary>
    /// The first problem of a scheme sent by a user, in Vietnamese and English, or null: no band;
    /// an empty entry; duplicate names or bounds; a blank name or a bound outside 0–100%.
    /// </summary>
    public static (string Vietnamese, string English)? Problem(BandScheme? bands)
    {
        // A body may bind without the list, or with a null in it (found by the fuzz test).
        if (bands?.Bands is null || bands.Bands.Count == 0 || bands.Bands.All(b => b is null))
        {
            return ("Cần ít nhất một nhóm xếp loại.", "At least one result band is needed.");
        }

        if (bands.Bands.Any(b => b is null))
        {
            return ("Danh sách nhóm xếp loại có một mục trống.", "The list of result bands has an empty entry.");
        }

        if (bands.Validate() is { Count: > 0 } problems)
        {
            return (string.Join("; ", problems), string.Join("; ", bands.ValidateEnglish()));
        }

        if (bands.Bands.FirstOrDefault(b => b.MinIndex is < 0 or > 100 || string.IsNullOrWhiteSpace(b.Name)) is { } bad)
        {
            return ($"Nhóm \"{bad.Name}\": tên bắt buộc và ngưỡng phải từ 0 đến 100%.", $"Band \"{bad.Name}\": the name is required and the threshold must be between 0 and 100%.");
        }

        return null;
    }
}
