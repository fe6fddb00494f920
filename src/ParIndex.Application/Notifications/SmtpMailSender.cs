using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ParIndex.Application.Notifications;

/// <summary>
/// Sends mails over one SMTP connection (MailKit), opened at the first mail of a dispatch pass and
/// closed with the sender.
/// </summary>
public sealed class SmtpMailSender(SmtpOptions options) : IAsyncDisposable
{
    private SmtpClient? client;

    public async Task SendAsync(string to, string subject, string text, string html, CancellationToken cancellationToken)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From!));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();
        var connected = await ConnectedAsync(cancellationToken);
        await connected.SendAsync(message, cancellationToken);
    }

    private async Task<SmtpClient> ConnectedAsync(CancellationToken cancellationToken)
    {
        if (client is { IsConnected: true })
        {
            return client;
        }

        client?.Dispose();
        client = new SmtpClient { Timeout = Math.Max(1, options.TimeoutSeconds) * 1000 };
        var security = options.UseTls switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(options.Host!, options.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(options.User))
        {
            await client.AuthenticateAsync(options.User, options.Password ?? "", cancellationToken);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        if (client is null)
        {
            return;
        }

        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true);
            }
        }
        catch (Exception e) when (e is IOException or MailKit.ProtocolException or System.Net.Sockets.SocketException or OperationCanceledException)
        {
            // The mails were accepted already; a failed QUIT loses nothing.
        }

        client.Dispose();
    }

    /// <summary>Is this failure the server's (unreachable, refused the login, went away), not the one message's?</summary>
    public static bool IsServerFailure(Exception e) => e switch
    {
        ParseException => false,
        SmtpCommandException { ErrorCode: SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.SenderNotAccepted or SmtpErrorCode.MessageNotAccepted } => false,
        _ => true,
    };
}
