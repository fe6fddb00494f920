using System.CommandLine;
using ParIndex.Core.Frameworks;

namespace ParIndex.Cli.Frameworks;

/// <summary>What the framework commands share: reading a framework named by file or built-in id, writing an output file whole.</summary>
internal static class FrameworkInputs
{
    /// <summary>The OLD and NEW arguments of the commands that compare two frameworks.</summary>
    public static (Argument<string> Old, Argument<string> New) OldAndNew() =>
        (new Argument<string>("OLD") { Description = "Bộ tiêu chí cũ: tệp bộ tiêu chí hoặc mã bộ dựng sẵn" },
         new Argument<string>("NEW") { Description = "Bộ tiêu chí mới: tệp bộ tiêu chí hoặc mã bộ dựng sẵn" });

    /// <summary>Both frameworks, or null when either cannot be read (each failure reported).</summary>
    public static (Framework Old, Framework New)? LoadBoth(string oldFileOrId, string newFileOrId, TextWriter stderr)
    {
        var before = Load(oldFileOrId, stderr);
        var after = Load(newFileOrId, stderr);
        return before is null || after is null ? null : (before, after);
    }

    /// <summary>
    /// Reads a framework file, or the built-in framework of that id when no such file exists. On
    /// failure writes the reason (file, line, column) to <paramref name="stderr"/> and returns null.
    /// </summary>
    public static Framework? Load(string fileOrId, TextWriter stderr)
    {
        if (!File.Exists(fileOrId))
        {
            if (BuiltInFrameworks.Find(fileOrId) is { } builtIn)
            {
                return builtIn;
            }

            stderr.WriteLine($"Không tìm thấy tệp {fileOrId} (cũng không phải mã bộ tiêu chí dựng sẵn: {string.Join(", ", BuiltInFrameworks.Ids)}).");
            return null;
        }

        try
        {
            using var stream = File.OpenRead(fileOrId);
            return FrameworkFile.Read(stream);
        }
        catch (FrameworkFormatException ex)
        {
            stderr.WriteLine($"{fileOrId}: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"Không mở được tệp {fileOrId}: {ex.Message}");
        }

        return null;
    }

    /// <summary>
    /// Writes the whole file or nothing: into a temporary file beside it, then moved into place.
    /// Refuses an existing file unless <paramref name="force"/>. False (with the reason on stderr) when not written.
    /// </summary>
    public static bool WriteFile(string path, bool force, Action<Stream> write, TextWriter stderr)
    {
        var target = new FileInfo(path);
        if (target.Exists && !force)
        {
            stderr.WriteLine($"Tệp {path} đã có; thêm --force để ghi đè.");
            return false;
        }

        var temporary = Path.Combine(target.DirectoryName ?? ".", $".{target.Name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = File.Create(temporary))
            {
                write(stream);
            }

            File.Move(temporary, target.FullName, overwrite: force);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            stderr.WriteLine($"Không ghi được tệp {path}: {ex.Message}");
            return false;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The write already failed and says so; a leftover temporary file is only clutter.
        }
    }
}
