using System.Security.Cryptography;

namespace ParIndex.Application.Admin;

/// <summary>
/// Passwords made by a reset: 16 characters from an alphabet without look-alikes (no 0/O, 1/l/I),
/// at least one upper-case letter, lower-case letter, digit and symbol, so they pass the account
/// rules and can be read out on the phone. ≈ 94 bits of randomness.
/// </summary>
internal static class OneTimePasswords
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!@#";
    private const int Length = 16;

    public static string Create()
    {
        var all = Upper + Lower + Digits + Symbols;
        var chars = new char[Length];
        chars[0] = Pick(Upper);
        chars[1] = Pick(Lower);
        chars[2] = Pick(Digits);
        chars[3] = Pick(Symbols);
        for (var i = 4; i < Length; i++)
        {
            chars[i] = Pick(all);
        }

        // The four required classes at random places, not always first.
        for (var i = Length - 1; i > 0; i--)
        {
            var j = RandomNumberGenerator.GetInt32(i + 1);
            (chars[i], chars[j]) = (chars[j], chars[i]);
        }

        return new string(chars);
    }

    private static char Pick(string alphabet) => alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
}
