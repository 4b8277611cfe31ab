"""Vietnamese for django-allauth's account pages, e-mails and messages (people/allauth_vi.py).

Terms: "Đăng nhập", "Đăng ký", "Đăng xuất", "Mật khẩu", "Số điện thoại"; an e-mail address is
"địa chỉ thư điện tử", the medium "thư điện tử" (never "email"). Msgids already translated
elsewhere in locale/ (Password, Phone, Note) are not repeated here.
"""

VI = {
    # Log in
    "Sign In": "Đăng nhập",
    "If you have not created an account yet, then please %(link)ssign up%(end_link)s first.": "Nếu chưa có tài khoản, bạn vui lòng %(link)sđăng ký%(end_link)s trước.",
    # The log-in field's label. Our log-in methods are e-mail and phone (ACCOUNT_LOGIN_METHODS).
    "field label\x04Login": "Thư điện tử hoặc số điện thoại",
    "Email or phone": "Thư điện tử hoặc số điện thoại",
    "Forgot your password?": "Quên mật khẩu?",
    "Remember Me": "Ghi nhớ đăng nhập",
    "The email address and/or password you specified are not correct.": "Địa chỉ thư điện tử hoặc mật khẩu không chính xác.",
    "The phone number and/or password you specified are not correct.": "Số điện thoại hoặc mật khẩu không chính xác.",
    "Too many failed login attempts. Try again later.": "Bạn đã đăng nhập sai quá nhiều lần. Vui lòng thử lại sau ít phút.",
    "This account is currently inactive.": "Tài khoản này hiện đang bị khoá.",
    "Successfully signed in as %(name)s.": "Bạn đã đăng nhập với tên %(name)s.",
    "Account Inactive": "Tài khoản bị khoá",
    "This account is inactive.": "Tài khoản này hiện đang bị khoá. Vui lòng liên hệ với quản trị viên nền tảng.",
    # Sign up
    "Signup": "Đăng ký",
    "Sign Up": "Đăng ký",
    "Already have an account? Then please %(link)ssign in%(end_link)s.": "Bạn đã có tài khoản? Vui lòng %(link)sđăng nhập%(end_link)s.",
    "Email": "Địa chỉ thư điện tử",
    "Email address": "Địa chỉ thư điện tử",
    "Password (again)": "Nhập lại mật khẩu",
    "A user is already registered with this email address.": "Địa chỉ thư điện tử này đã được dùng để đăng ký một tài khoản khác.",
    "A user is already registered with this phone number.": "Số điện thoại này đã được dùng để đăng ký một tài khoản khác.",
    "You must type the same password each time.": "Hai lần nhập mật khẩu không khớp nhau.",
    # Log out
    "Sign Out": "Đăng xuất",
    "Are you sure you want to sign out?": "Bạn có chắc chắn muốn đăng xuất không?",
    "You have signed out.": "Bạn đã đăng xuất.",
    # Password reset
    "Password Reset": "Đặt lại mật khẩu",
    "Forgotten your password? Enter your email address below, and we'll send you an email allowing you to reset it.": "Bạn quên mật khẩu? Hãy nhập địa chỉ thư điện tử đã đăng ký, chúng tôi sẽ gửi thư hướng dẫn đặt lại mật khẩu.",
    "Reset My Password": "Gửi thư đặt lại mật khẩu",
    "Please contact us if you have any trouble resetting your password.": "Nếu gặp khó khăn khi đặt lại mật khẩu, vui lòng liên hệ với chúng tôi.",
    "The email address is not assigned to any user account.": "Không có tài khoản nào đăng ký bằng địa chỉ thư điện tử này.",
    "You are already logged in as %(user_display)s.": "Bạn đang đăng nhập với tên %(user_display)s.",
    "We have sent you an email. If you have not received it please check your spam folder. Otherwise contact us if you do not receive it in a few minutes.": "Chúng tôi đã gửi thư hướng dẫn đến địa chỉ thư điện tử của bạn. Nếu không thấy thư trong hộp thư đến, vui lòng kiểm tra thư mục thư rác (spam). Nếu sau vài phút vẫn chưa nhận được, vui lòng liên hệ với chúng tôi.",
    "Change Password": "Đổi mật khẩu",
    "New Password": "Mật khẩu mới",
    "New Password (again)": "Nhập lại mật khẩu mới",
    "Cancel": "Hủy bỏ",
    "Bad Token": "Liên kết không hợp lệ",
    'The password reset link was invalid, possibly because it has already been used.  Please request a <a href="%(passwd_reset_url)s">new password reset</a>.': 'Liên kết đặt lại mật khẩu không hợp lệ, có thể vì đã được sử dụng. Vui lòng <a href="%(passwd_reset_url)s">yêu cầu đặt lại mật khẩu</a> một lần nữa.',
    "The password reset token was invalid.": "Liên kết đặt lại mật khẩu không hợp lệ.",
    "Your password is now changed.": "Mật khẩu của bạn đã được thay đổi.",
    "Password successfully changed.": "Đã đổi mật khẩu thành công.",
    # Change or set a password
    "Current Password": "Mật khẩu hiện tại",
    "Please type your current password.": "Vui lòng nhập đúng mật khẩu hiện tại.",
    "Set Password": "Đặt mật khẩu",
    "Password successfully set.": "Đã đặt mật khẩu thành công.",
    # E-mail addresses
    "Email Addresses": "Địa chỉ thư điện tử",
    "The following email addresses are associated with your account:": "Các địa chỉ thư điện tử gắn với tài khoản của bạn:",
    "Verified": "Đã xác nhận",
    "Unverified": "Chưa xác nhận",
    "Primary": "Địa chỉ chính",
    "Make Primary": "Đặt làm địa chỉ chính",
    "Re-send Verification": "Gửi lại thư xác nhận",
    "Remove": "Gỡ bỏ",
    "Add Email Address": "Thêm địa chỉ thư điện tử",
    "Add Email": "Thêm địa chỉ",
    "Do you really want to remove the selected email address?": "Bạn có chắc chắn muốn gỡ bỏ địa chỉ thư điện tử đã chọn không?",
    "Warning:": "Lưu ý:",
    "You currently do not have any email address set up. You should really add an email address so you can receive notifications, reset your password, etc.": "Tài khoản của bạn chưa có địa chỉ thư điện tử. Bạn nên thêm một địa chỉ để nhận thông báo và có thể tự đặt lại mật khẩu khi quên.",
    "This email address is already associated with this account.": "Địa chỉ thư điện tử này đã gắn với tài khoản của bạn.",
    "Confirmation email sent to %(email)s.": "Đã gửi thư xác nhận đến %(email)s.",
    "Removed email address %(email)s.": "Đã gỡ bỏ địa chỉ thư điện tử %(email)s.",
    "You cannot remove your primary email address (%(email)s).": "Không thể gỡ bỏ địa chỉ thư điện tử chính của bạn (%(email)s).",
    "Primary email address set.": "Đã đặt địa chỉ thư điện tử chính.",
    "Your primary email address must be verified.": "Địa chỉ thư điện tử chính phải là địa chỉ đã được xác nhận.",
    # Confirming an e-mail address
    "Confirm Email Address": "Xác nhận địa chỉ thư điện tử",
    'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for user %(user_display)s.': 'Vui lòng xác nhận <a href="mailto:%(email)s">%(email)s</a> là địa chỉ thư điện tử của người dùng %(user_display)s.',
    "Confirm": "Xác nhận",
    "Unable to confirm %(email)s because it is already confirmed by a different account.": "Không thể xác nhận %(email)s vì địa chỉ này đã được một tài khoản khác xác nhận.",
    'This email confirmation link expired or is invalid. Please <a href="%(email_url)s">issue a new email confirmation request</a>.': 'Liên kết xác nhận địa chỉ thư điện tử đã hết hạn hoặc không hợp lệ. Vui lòng <a href="%(email_url)s">gửi lại yêu cầu xác nhận</a>.',
    "You have confirmed %(email)s.": "Bạn đã xác nhận địa chỉ %(email)s.",
    # Mandatory verification
    "Verify Your Email Address": "Xác nhận địa chỉ thư điện tử của bạn",
    "We have sent an email to you for verification. Follow the link provided to finalize the signup process. If you do not see the verification email in your main inbox, check your spam folder. Please contact us if you do not receive the verification email within a few minutes.": "Chúng tôi đã gửi thư xác nhận đến địa chỉ thư điện tử của bạn. Hãy bấm vào liên kết trong thư để hoàn tất việc đăng ký. Nếu không thấy thư trong hộp thư đến, vui lòng kiểm tra thư mục thư rác (spam). Nếu sau vài phút vẫn chưa nhận được thư, vui lòng liên hệ với chúng tôi.",
    "This part of the site requires us to verify that\nyou are who you claim to be. For this purpose, we require that you\nverify ownership of your email address. ": "Để sử dụng phần này của trang, bạn cần xác nhận\nđịa chỉ thư điện tử của mình, để chúng tôi biết chắc\nđúng là bạn. ",
    "We have sent an email to you for\nverification. Please click on the link inside that email. If you do not see the verification email in your main inbox, check your spam folder. Otherwise\ncontact us if you do not receive it within a few minutes.": "Chúng tôi đã gửi thư xác nhận\nđến bạn. Hãy bấm vào liên kết trong thư. Nếu không thấy thư trong hộp thư đến, vui lòng kiểm tra thư mục thư rác (spam). Nếu sau vài phút\nvẫn chưa nhận được, vui lòng liên hệ với chúng tôi.",
    '<strong>Note:</strong> you can still <a href="%(email_url)s">change your email address</a>.': '<strong>Lưu ý:</strong> bạn vẫn có thể <a href="%(email_url)s">thay đổi địa chỉ thư điện tử</a>.',
    # E-mails
    "Hello from %(site_name)s!": "Xin chào! Đây là thư từ %(site_name)s.",
    "Thank you for using %(site_name)s!\n%(site_domain)s": "Cảm ơn bạn đã sử dụng %(site_name)s!\n%(site_domain)s",
    "Password Reset Email": "Hướng dẫn đặt lại mật khẩu",
    "You're receiving this email because you or someone else has requested a password reset for your user account.\nIt can be safely ignored if you did not request a password reset. Click the link below to reset your password.": "Bạn nhận được thư này vì bạn (hoặc một người khác) đã yêu cầu đặt lại mật khẩu cho tài khoản của bạn.\nNếu bạn không yêu cầu, hãy bỏ qua thư này. Để đặt lại mật khẩu, hãy bấm vào liên kết dưới đây.",
    "Please Confirm Your Email Address": "Xác nhận địa chỉ thư điện tử của bạn",
    "You're receiving this email because user %(user_display)s has given your email address to register an account on %(site_domain)s.": "Bạn nhận được thư này vì người dùng %(user_display)s đã dùng địa chỉ thư điện tử của bạn để đăng ký tài khoản trên %(site_domain)s.",
    "To confirm this is correct, go to %(activate_url)s": "Để xác nhận thông tin này là đúng, vui lòng mở liên kết sau: %(activate_url)s",
    # Django's own strings on these pages
    "This password is too short. It must contain at least %d character.": "Mật khẩu quá ngắn: cần có ít nhất %d ký tự.",
    "email address": "địa chỉ thư điện tử",
    "Enter a valid email address.": "Hãy nhập một địa chỉ thư điện tử hợp lệ.",
}

# fill_vi.py reads msgids as the .po file spells them, with a line break written "\n".
VI = {key.replace("\n", "\\n"): text.replace("\n", "\\n") for key, text in VI.items()}
