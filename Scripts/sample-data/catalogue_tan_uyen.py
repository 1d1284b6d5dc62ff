# -*- coding: utf-8 -*-
"""Procedure catalogue (danh mục TTHC) used by generate_tan_uyen.py.

Synthetic but realistic: names follow the wording of the national TTHC
database for district (cấp huyện) and commune (cấp xã) procedures of 2020.
Each entry carries an internal `cap` ('H' district, 'X' commune) and a
`weight` (relative popularity) that only steer the dossier generator; the
written procedures.csv leaves CapThucHien blank for every procedure, as the
Tân Uyên appendix counts the whole 364-procedure catalogue for every unit.

Counts are fixed by the appendix: 364 procedures = 348 level 2 + 12 level 3
+ 4 level 4.
"""

NLV = "ngay-lam-viec"
GLV = "gio-lam-viec"
NGAY = "ngay"

FIELDS = [
    ("HOTICH", "Hộ tịch"),
    ("CHUNGTHUC", "Chứng thực"),
    ("TUPHAP", "Tư pháp - Hòa giải ở cơ sở - Bồi thường nhà nước"),
    ("DATDAI", "Đất đai"),
    ("XAYDUNG", "Xây dựng - Quy hoạch"),
    ("HKD", "Đăng ký kinh doanh (hộ kinh doanh)"),
    ("HTX", "Thành lập và hoạt động của hợp tác xã"),
    ("NCC", "Lao động - Thương binh và Xã hội: Người có công"),
    ("BTXH", "Lao động - Thương binh và Xã hội: Bảo trợ xã hội - Trẻ em - Giảm nghèo"),
    ("LDVL", "Lao động - Thương binh và Xã hội: Lao động, việc làm"),
    ("GIAODUC", "Giáo dục và Đào tạo"),
    ("VANHOA", "Văn hóa - Gia đình - Thể thao"),
    ("TONGIAO", "Tín ngưỡng, tôn giáo"),
    ("NOIVU", "Nội vụ: Thi đua khen thưởng - Tổ chức hội"),
    ("CONGTHUONG", "Công thương - Lưu thông hàng hóa"),
    ("ATTP", "An toàn thực phẩm"),
    ("NONGNGHIEP", "Nông nghiệp và Phát triển nông thôn"),
    ("TNMT", "Tài nguyên và Môi trường (môi trường, tài nguyên nước)"),
    ("GTVT", "Giao thông vận tải"),
    ("DANTOC", "Công tác dân tộc"),
    ("KNTC", "Tiếp công dân - Khiếu nại, tố cáo"),
]


def P(field, cap, name, dur, unit=NLV, level=2, w=0.0, code=None, online_w=0.0):
    return dict(field=field, cap=cap, name=name, dur=dur, unit=unit,
                level=level, weight=w, code=code, online_w=online_w)


def _catalogue():
    c = []
    # ------------------------------------------------------------------ Hộ tịch
    c += [
        P("HOTICH", "X", "Đăng ký khai sinh", 1, level=3, w=10, code="1.001193"),
        P("HOTICH", "X", "Đăng ký kết hôn", 1, level=3, w=4, code="1.000894"),
        P("HOTICH", "X", "Đăng ký khai tử", 1, level=3, w=3, code="1.000656"),
        P("HOTICH", "X", "Cấp Giấy xác nhận tình trạng hôn nhân", 3, level=3, w=6, code="1.004873"),
        P("HOTICH", "X", "Đăng ký thay đổi, cải chính, bổ sung thông tin hộ tịch", 3, level=3, w=1.5, code="1.004859"),
        P("HOTICH", "X", "Đăng ký nhận cha, mẹ, con", 3, level=3, w=0.5, code="1.001022"),
        P("HOTICH", "X", "Cấp bản sao trích lục hộ tịch (cấp xã)", 0.5, level=4, w=10, code="2.000635", online_w=1),
        P("HOTICH", "X", "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con", 3, w=1, code="1.000689"),
        P("HOTICH", "X", "Đăng ký lại khai sinh", 5, w=2, code="1.004884"),
        P("HOTICH", "X", "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân", 5, w=0.6),
        P("HOTICH", "X", "Đăng ký lại kết hôn", 5, w=0.2),
        P("HOTICH", "X", "Đăng ký lại khai tử", 5, w=0.2),
        P("HOTICH", "X", "Đăng ký giám hộ", 3, w=0.3),
        P("HOTICH", "X", "Đăng ký chấm dứt giám hộ", 2, w=0.05),
        P("HOTICH", "X", "Đăng ký khai sinh lưu động", 5, w=0.2),
        P("HOTICH", "X", "Đăng ký kết hôn lưu động", 5, w=0.05),
        P("HOTICH", "X", "Đăng ký khai tử lưu động", 5, w=0.05),
        P("HOTICH", "X", "Đăng ký khai sinh có yếu tố nước ngoài tại khu vực biên giới", 3, w=0.03),
        P("HOTICH", "X", "Đăng ký kết hôn có yếu tố nước ngoài tại khu vực biên giới", 5, w=0.03),
        P("HOTICH", "X", "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài tại khu vực biên giới", 5),
        P("HOTICH", "X", "Đăng ký khai tử có yếu tố nước ngoài tại khu vực biên giới", 3),
        P("HOTICH", "H", "Đăng ký khai sinh có yếu tố nước ngoài", 3),
        P("HOTICH", "H", "Đăng ký kết hôn có yếu tố nước ngoài", 15, w=0.05),
        P("HOTICH", "H", "Đăng ký khai tử có yếu tố nước ngoài", 3),
        P("HOTICH", "H", "Đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", 15),
        P("HOTICH", "H", "Đăng ký khai sinh kết hợp đăng ký nhận cha, mẹ, con có yếu tố nước ngoài", 15),
        P("HOTICH", "H", "Đăng ký giám hộ có yếu tố nước ngoài", 5),
        P("HOTICH", "H", "Đăng ký chấm dứt giám hộ có yếu tố nước ngoài", 2),
        P("HOTICH", "H", "Thay đổi, cải chính, bổ sung hộ tịch, xác định lại dân tộc", 3, w=0.3),
        P("HOTICH", "H", "Ghi vào Sổ hộ tịch việc hộ tịch của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài", 5),
        P("HOTICH", "H", "Ghi vào Sổ hộ tịch việc ly hôn, hủy việc kết hôn của công dân Việt Nam đã được giải quyết tại cơ quan có thẩm quyền của nước ngoài", 5),
        P("HOTICH", "H", "Đăng ký lại khai sinh có yếu tố nước ngoài", 10),
        P("HOTICH", "H", "Đăng ký lại kết hôn có yếu tố nước ngoài", 10),
        P("HOTICH", "H", "Đăng ký lại khai tử có yếu tố nước ngoài", 10),
        P("HOTICH", "H", "Đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân có yếu tố nước ngoài", 5),
        P("HOTICH", "H", "Cấp bản sao trích lục hộ tịch (cấp huyện)", 0.5, w=0.3),
    ]
    # --------------------------------------------------------------- Chứng thực
    c += [
        P("CHUNGTHUC", "X", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận (cấp xã)", 8, GLV, w=40, code="2.000815"),
        P("CHUNGTHUC", "X", "Chứng thực chữ ký trong các giấy tờ, văn bản (áp dụng cho cả trường hợp chứng thực điểm chỉ và trường hợp người yêu cầu chứng thực không thể ký, không thể điểm chỉ được) (cấp xã)", 4, GLV, w=12, code="2.000884"),
        P("CHUNGTHUC", "X", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản, quyền sử dụng đất và nhà ở", 2, w=6, code="2.001035"),
        P("CHUNGTHUC", "X", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch (cấp xã)", 2, w=0.3),
        P("CHUNGTHUC", "X", "Sửa lỗi sai sót trong hợp đồng, giao dịch (cấp xã)", 1, w=0.2),
        P("CHUNGTHUC", "X", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực (cấp xã)", 8, GLV, w=0.4),
        P("CHUNGTHUC", "X", "Chứng thực di chúc (cấp xã)", 2, w=0.3),
        P("CHUNGTHUC", "X", "Chứng thực văn bản từ chối nhận di sản (cấp xã)", 2, w=0.2),
        P("CHUNGTHUC", "X", "Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản, quyền sử dụng đất, nhà ở", 3, w=0.5),
        P("CHUNGTHUC", "X", "Chứng thực văn bản khai nhận di sản mà di sản là động sản, quyền sử dụng đất, nhà ở", 3, w=0.4),
        P("CHUNGTHUC", "H", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của nước ngoài; cơ quan tổ chức có thẩm quyền của Việt Nam liên kết với cơ quan có thẩm quyền của nước ngoài cấp hoặc chứng nhận", 1, level=3, w=1, code="2.000843"),
        P("CHUNGTHUC", "H", "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận (cấp huyện)", 8, GLV, w=6),
        P("CHUNGTHUC", "H", "Chứng thực chữ ký trong các giấy tờ, văn bản (cấp huyện)", 0.5, w=2),
        P("CHUNGTHUC", "H", "Chứng thực chữ ký người dịch mà người dịch là cộng tác viên dịch thuật của Phòng Tư pháp", 0.5, w=0.1),
        P("CHUNGTHUC", "H", "Chứng thực chữ ký người dịch mà người dịch không phải là cộng tác viên dịch thuật của Phòng Tư pháp", 0.5),
        P("CHUNGTHUC", "H", "Chứng thực hợp đồng, giao dịch liên quan đến tài sản là động sản (cấp huyện)", 2, w=1),
        P("CHUNGTHUC", "H", "Chứng thực việc sửa đổi, bổ sung, hủy bỏ hợp đồng, giao dịch (cấp huyện)", 2, w=0.1),
        P("CHUNGTHUC", "H", "Sửa lỗi sai sót trong hợp đồng, giao dịch (cấp huyện)", 1),
        P("CHUNGTHUC", "H", "Cấp bản sao có chứng thực từ bản chính hợp đồng, giao dịch đã được chứng thực (cấp huyện)", 1, w=0.1),
        P("CHUNGTHUC", "H", "Chứng thực di chúc (cấp huyện)", 2),
        P("CHUNGTHUC", "H", "Chứng thực văn bản từ chối nhận di sản (cấp huyện)", 2),
        P("CHUNGTHUC", "H", "Chứng thực văn bản thỏa thuận phân chia di sản mà di sản là động sản", 3, w=0.1),
        P("CHUNGTHUC", "H", "Chứng thực văn bản khai nhận di sản mà di sản là động sản", 3, w=0.1),
    ]
    # ----------------------------------------------------------------- Tư pháp
    c += [
        P("TUPHAP", "H", "Cấp bản sao từ sổ gốc", 1, level=3, w=0.5, code="2.000908", online_w=0.5),
        P("TUPHAP", "X", "Thủ tục công nhận hòa giải viên", 5),
        P("TUPHAP", "X", "Thủ tục công nhận tổ trưởng tổ hòa giải", 5),
        P("TUPHAP", "X", "Thủ tục thôi làm hòa giải viên", 5),
        P("TUPHAP", "X", "Thủ tục thanh toán thù lao cho hòa giải viên", 5, w=0.1),
        P("TUPHAP", "X", "Thủ tục công nhận tuyên truyền viên pháp luật", 5),
        P("TUPHAP", "X", "Thủ tục cho thôi làm tuyên truyền viên pháp luật", 5),
        P("TUPHAP", "X", "Thủ tục giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại (cấp xã)", 30, NGAY),
        P("TUPHAP", "H", "Thủ tục giải quyết yêu cầu bồi thường tại cơ quan trực tiếp quản lý người thi hành công vụ gây thiệt hại (cấp huyện)", 30, NGAY),
        P("TUPHAP", "H", "Thủ tục phục hồi danh dự", 15),
        P("TUPHAP", "H", "Thủ tục chi trả tiền bồi thường trong hoạt động quản lý hành chính", 5),
        P("TUPHAP", "H", "Thủ tục xác định cơ quan giải quyết bồi thường", 5),
        P("TUPHAP", "H", "Công nhận xã, phường, thị trấn đạt chuẩn tiếp cận pháp luật", 20),
    ]
    # ------------------------------------------------------------------ Đất đai
    c += [
        P("DATDAI", "H", "Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất trong các trường hợp chuyển đổi, chuyển nhượng, cho thuê, cho thuê lại, thừa kế, tặng cho, góp vốn bằng quyền sử dụng đất", 10, level=3, w=12, code="1.004227"),
        P("DATDAI", "H", "Đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất lần đầu", 30, w=4, code="1.003003"),
        P("DATDAI", "H", "Cấp đổi Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất", 10, w=4),
        P("DATDAI", "H", "Cấp lại Giấy chứng nhận hoặc cấp lại Trang bổ sung của Giấy chứng nhận do bị mất", 10, w=1),
        P("DATDAI", "H", "Đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", 1, w=5),
        P("DATDAI", "H", "Xóa đăng ký thế chấp quyền sử dụng đất, tài sản gắn liền với đất", 1, w=3),
        P("DATDAI", "H", "Đăng ký thay đổi nội dung biện pháp bảo đảm bằng quyền sử dụng đất, tài sản gắn liền với đất đã đăng ký", 1, w=0.3),
        P("DATDAI", "H", "Tách thửa hoặc hợp thửa đất", 15, w=3),
        P("DATDAI", "H", "Chuyển mục đích sử dụng đất phải được phép của cơ quan nhà nước có thẩm quyền đối với hộ gia đình, cá nhân", 15, w=2),
        P("DATDAI", "H", "Đăng ký biến động về sử dụng đất, tài sản gắn liền với đất do thay đổi thông tin về người được cấp Giấy chứng nhận, giảm diện tích thửa đất do sạt lở tự nhiên, thay đổi về hạn chế quyền", 10, w=1),
        P("DATDAI", "H", "Đính chính Giấy chứng nhận đã cấp", 10, w=0.5),
        P("DATDAI", "H", "Thu hồi Giấy chứng nhận đã cấp không đúng quy định của pháp luật đất đai do người sử dụng đất, chủ sở hữu tài sản gắn liền với đất phát hiện", 30),
        P("DATDAI", "H", "Giao đất, cho thuê đất cho hộ gia đình, cá nhân đối với trường hợp giao đất, cho thuê đất không thông qua hình thức đấu giá quyền sử dụng đất", 20, w=0.2),
        P("DATDAI", "H", "Gia hạn sử dụng đất ngoài khu công nghệ cao, khu kinh tế", 7),
        P("DATDAI", "H", "Xác nhận tiếp tục sử dụng đất nông nghiệp của hộ gia đình, cá nhân khi hết hạn sử dụng đất đối với trường hợp có nhu cầu", 5, w=0.2),
        P("DATDAI", "H", "Chuyển đổi quyền sử dụng đất nông nghiệp của hộ gia đình, cá nhân để thực hiện dồn điền, đổi thửa", 10),
        P("DATDAI", "H", "Đăng ký xác lập quyền sử dụng hạn chế thửa đất liền kề sau khi được cấp Giấy chứng nhận lần đầu", 10),
        P("DATDAI", "H", "Đăng ký đất đai lần đầu đối với trường hợp được Nhà nước giao đất để quản lý", 20),
        P("DATDAI", "H", "Đăng ký chuyển mục đích sử dụng đất không phải xin phép cơ quan nhà nước có thẩm quyền", 10, w=0.2),
        P("DATDAI", "H", "Bán hoặc góp vốn bằng tài sản gắn liền với đất thuê của Nhà nước theo hình thức thuê đất trả tiền hàng năm", 15),
        P("DATDAI", "H", "Cung cấp dữ liệu đất đai", 3, w=0.3),
        P("DATDAI", "H", "Giải quyết tranh chấp đất đai thuộc thẩm quyền của Chủ tịch Ủy ban nhân dân cấp huyện", 45, NGAY, w=0.1),
        P("DATDAI", "H", "Thẩm định nhu cầu sử dụng đất để xem xét giao đất, cho thuê đất không thông qua hình thức đấu giá quyền sử dụng đất đối với hộ gia đình, cá nhân", 10),
        P("DATDAI", "X", "Hòa giải tranh chấp đất đai", 45, NGAY, w=0.4),
        P("DATDAI", "X", "Xác nhận hồ sơ đăng ký đất đai, cấp Giấy chứng nhận quyền sử dụng đất lần đầu (phần việc của Ủy ban nhân dân cấp xã)", 10, w=1.5),
    ]
    # ---------------------------------------------------------------- Xây dựng
    objects = [
        "nhà ở riêng lẻ",
        "công trình không theo tuyến",
        "công trình theo tuyến",
        "công trình tín ngưỡng, tôn giáo",
    ]
    actions = [
        ("Cấp giấy phép xây dựng mới đối với", 15),
        ("Cấp giấy phép sửa chữa, cải tạo đối với", 15),
        ("Cấp giấy phép di dời đối với", 15),
        ("Điều chỉnh giấy phép xây dựng đối với", 15),
        ("Gia hạn giấy phép xây dựng đối với", 5),
        ("Cấp lại giấy phép xây dựng đối với", 5),
    ]
    for a, d in actions:
        for o in objects:
            name = "%s %s" % (a, o)
            if name == "Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ":
                c.append(P("XAYDUNG", "H", name, d, level=3, w=3, code="1.009994"))
            else:
                w = 0.3 if o == "nhà ở riêng lẻ" else 0.02
                c.append(P("XAYDUNG", "H", name, d, w=w))
    c += [
        P("XAYDUNG", "H", "Thẩm định Báo cáo kinh tế - kỹ thuật đầu tư xây dựng/điều chỉnh Báo cáo kinh tế - kỹ thuật đầu tư xây dựng", 15, w=0.1),
        P("XAYDUNG", "H", "Thẩm định thiết kế bản vẽ thi công, dự toán xây dựng/điều chỉnh thiết kế bản vẽ thi công, dự toán xây dựng", 15, w=0.05),
        P("XAYDUNG", "H", "Thẩm định nhiệm vụ, nhiệm vụ điều chỉnh quy hoạch chi tiết của dự án đầu tư xây dựng công trình theo hình thức kinh doanh thuộc thẩm quyền phê duyệt của UBND cấp huyện", 20),
        P("XAYDUNG", "H", "Thẩm định đồ án, đồ án điều chỉnh quy hoạch chi tiết của dự án đầu tư xây dựng công trình theo hình thức kinh doanh thuộc thẩm quyền phê duyệt của UBND cấp huyện", 25),
        P("XAYDUNG", "H", "Thẩm định đồ án quy hoạch xây dựng nông thôn mới cấp xã", 20),
        P("XAYDUNG", "H", "Cung cấp thông tin về quy hoạch xây dựng thuộc thẩm quyền của UBND cấp huyện", 5, w=0.1),
        P("XAYDUNG", "H", "Cấp giấy phép chặt hạ, dịch chuyển cây xanh", 5),
        P("XAYDUNG", "H", "Cấp phép sử dụng tạm thời một phần hè phố không vào mục đích giao thông", 5),
    ]
    # --------------------------------------------------------------------- HKD
    c += [
        P("HKD", "H", "Đăng ký thành lập hộ kinh doanh", 3, level=3, w=4, code="2.000720", online_w=3),
        P("HKD", "H", "Đăng ký thay đổi nội dung đăng ký hộ kinh doanh", 3, level=3, w=2, code="2.000575", online_w=1),
        P("HKD", "H", "Tạm ngừng hoạt động hộ kinh doanh", 3, w=0.5),
        P("HKD", "H", "Chấm dứt hoạt động hộ kinh doanh", 3, w=0.5),
        P("HKD", "H", "Cấp lại Giấy chứng nhận đăng ký hộ kinh doanh", 3, w=0.2),
        P("HKD", "H", "Hỗ trợ hộ kinh doanh có doanh thu khai thuế dưới 100 triệu đồng/năm tạm ngừng kinh doanh từ ngày 01/4/2020", 5, w=0.5),
    ]
    c += [
        P("HTX", "H", "Đăng ký thành lập hợp tác xã", 5, w=0.1),
        P("HTX", "H", "Đăng ký thành lập chi nhánh, văn phòng đại diện, địa điểm kinh doanh của hợp tác xã", 3),
        P("HTX", "H", "Đăng ký thay đổi tên, địa chỉ trụ sở chính, ngành, nghề sản xuất, kinh doanh, vốn điều lệ, người đại diện theo pháp luật; tên, địa chỉ người đại diện chi nhánh, văn phòng đại diện của hợp tác xã", 3, w=0.1),
        P("HTX", "H", "Đăng ký khi hợp tác xã chia, tách, hợp nhất, sáp nhập", 5),
        P("HTX", "H", "Cấp lại giấy chứng nhận đăng ký hợp tác xã", 3),
        P("HTX", "H", "Giải thể tự nguyện hợp tác xã", 5),
        P("HTX", "H", "Thông báo thay đổi nội dung đăng ký hợp tác xã", 3),
        P("HTX", "H", "Tạm ngừng hoạt động của hợp tác xã, chi nhánh, văn phòng đại diện, địa điểm kinh doanh của hợp tác xã", 3),
        P("HTX", "H", "Chấm dứt hoạt động của chi nhánh, văn phòng đại diện, địa điểm kinh doanh của hợp tác xã", 5),
        P("HTX", "H", "Thay đổi cơ quan đăng ký hợp tác xã", 5),
        P("HTX", "H", "Cấp Giấy chứng nhận đăng ký hợp tác xã khi hợp tác xã chuyển đổi từ tổ hợp tác", 5),
    ]
    # ---------------------------------------------------------- Người có công
    groups = [
        "Bà mẹ Việt Nam anh hùng",
        "thương binh, người hưởng chính sách như thương binh",
        "bệnh binh",
        "người hoạt động kháng chiến bị nhiễm chất độc hóa học",
        "người hoạt động cách mạng, kháng chiến, bảo vệ Tổ quốc, làm nghĩa vụ quốc tế bị địch bắt tù, đày",
        "người hoạt động kháng chiến giải phóng dân tộc, bảo vệ Tổ quốc và làm nghĩa vụ quốc tế",
        "người có công giúp đỡ cách mạng",
        "thân nhân liệt sĩ",
    ]
    for g in groups:
        c.append(P("NCC", "H", "Giải quyết chế độ ưu đãi đối với %s" % g, 20, w=0.05))
    c += [
        P("NCC", "H", "Giải quyết chế độ trợ cấp thờ cúng liệt sĩ", 12, w=0.1),
        P("NCC", "H", "Giải quyết chế độ mai táng phí, trợ cấp một lần khi người có công với cách mạng từ trần", 10, w=0.3),
        P("NCC", "H", "Cấp giấy giới thiệu đi thăm viếng mộ liệt sĩ và hỗ trợ thăm viếng mộ liệt sĩ", 5, w=0.1),
        P("NCC", "H", "Hỗ trợ di chuyển hài cốt liệt sĩ", 10),
        P("NCC", "H", "Di chuyển hồ sơ khi người hưởng trợ cấp ưu đãi thay đổi nơi thường trú", 5, w=0.05),
        P("NCC", "H", "Sửa đổi, bổ sung thông tin cá nhân trong hồ sơ người có công", 10),
        P("NCC", "H", "Giải quyết chế độ người có công giúp đỡ cách mạng được tặng Kỷ niệm chương", 20),
        P("NCC", "H", "Cấp lại, đổi Bằng Tổ quốc ghi công", 20),
        P("NCC", "H", "Cấp Giấy chứng nhận thân nhân liệt sĩ", 15),
        P("NCC", "X", "Xác nhận vào đơn đề nghị di chuyển hài cốt liệt sĩ; đơn đề nghị thăm viếng mộ liệt sĩ", 3, w=0.2),
        P("NCC", "X", "Giải quyết chế độ hỗ trợ mua phương tiện trợ giúp, dụng cụ chỉnh hình đối với người có công", 5),
        P("NCC", "X", "Thủ tục ủy quyền hưởng trợ cấp, phụ cấp ưu đãi", 3, w=0.2),
        P("NCC", "X", "Thủ tục hỗ trợ người có công đi làm phương tiện, dụng cụ trợ giúp chỉnh hình; đi điều trị phục hồi chức năng", 5),
    ]
    # ------------------------------------------------------------- Bảo trợ XH
    c += [
        P("BTXH", "X", "Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng, hỗ trợ kinh phí chăm sóc, nuôi dưỡng hàng tháng", 15, w=4, code="1.001776"),
        P("BTXH", "X", "Hỗ trợ chi phí mai táng cho đối tượng bảo trợ xã hội", 5, w=1),
        P("BTXH", "X", "Trợ giúp xã hội khẩn cấp về hỗ trợ làm nhà ở, sửa chữa nhà ở", 10, w=0.3),
        P("BTXH", "X", "Xác định, xác định lại mức độ khuyết tật và cấp Giấy xác nhận khuyết tật", 20, w=1.5),
        P("BTXH", "X", "Đổi, cấp lại Giấy xác nhận khuyết tật", 5, w=0.3),
        P("BTXH", "X", "Công nhận hộ nghèo, hộ cận nghèo phát sinh trong năm", 7, w=1),
        P("BTXH", "X", "Công nhận hộ thoát nghèo, hộ thoát cận nghèo trong năm", 7, w=0.3),
        P("BTXH", "X", "Công nhận hộ làm nông nghiệp, lâm nghiệp, ngư nghiệp và diêm nghiệp có mức sống trung bình", 7, w=1),
        P("BTXH", "X", "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng có hoàn cảnh khó khăn", 5),
        P("BTXH", "X", "Hỗ trợ học văn hóa, học nghề, trợ cấp khó khăn ban đầu cho nạn nhân bị mua bán", 3),
        P("BTXH", "X", "Áp dụng các biện pháp can thiệp khẩn cấp hoặc tạm thời cách ly trẻ em khỏi môi trường hoặc người gây tổn hại cho trẻ em", 0.5),
        P("BTXH", "X", "Đăng ký nhận chăm sóc thay thế cho trẻ em đối với cá nhân, người đại diện gia đình nhận chăm sóc thay thế không phải là người thân thích của trẻ em", 15),
        P("BTXH", "X", "Phê duyệt kế hoạch hỗ trợ, can thiệp đối với trẻ em bị xâm hại hoặc có nguy cơ bị bạo lực, bóc lột, bỏ rơi và trẻ em có hoàn cảnh đặc biệt", 10),
        P("BTXH", "X", "Chuyển trẻ em đang được chăm sóc thay thế tại cơ sở trợ giúp xã hội đến cá nhân, gia đình nhận chăm sóc thay thế", 15),
        P("BTXH", "X", "Quyết định quản lý cai nghiện ma túy tự nguyện tại gia đình", 5),
        P("BTXH", "X", "Quyết định cai nghiện ma túy tự nguyện tại cộng đồng", 5),
        P("BTXH", "X", "Đăng ký hoạt động đối với cơ sở trợ giúp xã hội dưới 10 đối tượng (trường hợp cấp lại)", 5),
        P("BTXH", "H", "Tiếp nhận đối tượng bảo trợ xã hội có hoàn cảnh đặc biệt khó khăn vào cơ sở trợ giúp xã hội cấp tỉnh, cấp huyện", 10),
        P("BTXH", "H", "Chi trả trợ cấp xã hội hàng tháng khi đối tượng thay đổi nơi cư trú giữa các quận, huyện, thị xã, thành phố thuộc tỉnh", 5, w=0.05),
        P("BTXH", "H", "Tiếp nhận đối tượng cần bảo vệ khẩn cấp vào cơ sở trợ giúp xã hội cấp tỉnh, cấp huyện", 1),
        P("BTXH", "H", "Dừng trợ giúp xã hội tại cơ sở trợ giúp xã hội cấp tỉnh, cấp huyện", 5),
        P("BTXH", "H", "Cấp giấy phép hoạt động đối với cơ sở trợ giúp xã hội có giấy phép thành lập thuộc thẩm quyền của Phòng Lao động - Thương binh và Xã hội", 15),
        P("BTXH", "H", "Đăng ký thành lập cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền giải quyết của Phòng Lao động - Thương binh và Xã hội", 10),
        P("BTXH", "H", "Đăng ký thay đổi nội dung hoặc cấp lại giấy chứng nhận đăng ký thành lập đối với cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền của Phòng Lao động - Thương binh và Xã hội", 5),
        P("BTXH", "H", "Giải thể cơ sở trợ giúp xã hội ngoài công lập thuộc thẩm quyền thành lập của Phòng Lao động - Thương binh và Xã hội", 15),
        P("BTXH", "H", "Chấm dứt việc chăm sóc thay thế cho trẻ em", 5),
        P("BTXH", "H", "Hỗ trợ chi phí điều trị, chăm sóc y tế và hỗ trợ học văn hóa, học nghề cho trẻ em bị xâm hại", 10),
        P("BTXH", "H", "Thủ tục cấp giấy chứng nhận đăng ký hoạt động cơ sở cai nghiện ma túy tự nguyện", 15),
    ]
    c += [
        P("LDVL", "X", "Hỗ trợ người lao động không có giao kết hợp đồng lao động bị mất việc làm", 5, w=1.5),
        P("LDVL", "H", "Hỗ trợ người lao động bị chấm dứt hợp đồng lao động nhưng không đủ điều kiện hưởng trợ cấp thất nghiệp", 5, w=0.3),
        P("LDVL", "H", "Hỗ trợ người lao động làm việc theo hợp đồng lao động phải thỏa thuận tạm hoãn thực hiện hợp đồng lao động, nghỉ việc không hưởng lương", 5, w=0.2),
        P("LDVL", "H", "Đăng ký hợp đồng nhận lao động thực tập thời hạn dưới 90 ngày", 5),
        P("LDVL", "H", "Thành lập trung tâm giáo dục nghề nghiệp công lập thuộc huyện", 15),
        P("LDVL", "H", "Cho phép thành lập trung tâm giáo dục nghề nghiệp tư thục trên địa bàn huyện", 15),
        P("LDVL", "H", "Tổ chức lại, cho phép tổ chức lại trung tâm giáo dục nghề nghiệp", 15),
        P("LDVL", "H", "Giải thể, chấm dứt hoạt động trung tâm giáo dục nghề nghiệp", 15),
        P("LDVL", "H", "Hỗ trợ đào tạo nghề trình độ sơ cấp, đào tạo dưới 3 tháng cho lao động nông thôn", 10, w=0.1),
    ]
    # ---------------------------------------------------------------- Giáo dục
    school_types = [
        "trường mẫu giáo, trường mầm non, nhà trẻ",
        "trường tiểu học",
        "trường trung học cơ sở",
        "trường phổ thông dân tộc bán trú",
    ]
    for s in school_types:
        c += [
            P("GIAODUC", "H", "Thành lập %s công lập hoặc cho phép thành lập %s dân lập, tư thục" % (s, s), 20),
            P("GIAODUC", "H", "Cho phép %s hoạt động giáo dục" % s, 20),
            P("GIAODUC", "H", "Giải thể %s (theo đề nghị của cá nhân, tổ chức thành lập)" % s, 20),
        ]
    c += [
        P("GIAODUC", "H", "Chuyển trường đối với học sinh trung học cơ sở", 3, w=0.5),
        P("GIAODUC", "H", "Xét, duyệt chính sách hỗ trợ đối với học sinh bán trú đang học tại các trường tiểu học, trung học cơ sở ở xã, thôn đặc biệt khó khăn", 10, w=0.2),
        P("GIAODUC", "H", "Hỗ trợ ăn trưa đối với trẻ em mẫu giáo", 10, w=0.1),
        P("GIAODUC", "H", "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc", 1, w=0.5),
        P("GIAODUC", "H", "Chỉnh sửa nội dung văn bằng, chứng chỉ", 5, w=0.1),
        P("GIAODUC", "H", "Công nhận xã đạt chuẩn phổ cập giáo dục, xóa mù chữ", 20),
        P("GIAODUC", "H", "Thành lập trung tâm học tập cộng đồng", 15),
        P("GIAODUC", "H", "Xét cấp hỗ trợ học tập đối với trẻ mẫu giáo, học sinh, sinh viên các dân tộc thiểu số rất ít người", 10),
        P("GIAODUC", "H", "Tiếp nhận đối tượng học bổ túc trung học cơ sở", 5),
        P("GIAODUC", "H", "Công nhận trường mầm non đạt chuẩn quốc gia", 20),
        P("GIAODUC", "H", "Công nhận trường tiểu học đạt chuẩn quốc gia", 20),
        P("GIAODUC", "H", "Công nhận trường trung học cơ sở đạt chuẩn quốc gia", 20),
        P("GIAODUC", "X", "Thành lập nhóm trẻ, lớp mẫu giáo độc lập", 15),
        P("GIAODUC", "X", "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục", 15),
        P("GIAODUC", "X", "Cho phép nhóm trẻ, lớp mẫu giáo độc lập hoạt động giáo dục trở lại", 15),
        P("GIAODUC", "X", "Sáp nhập, chia, tách nhóm trẻ, lớp mẫu giáo độc lập", 15),
        P("GIAODUC", "X", "Giải thể nhóm trẻ, lớp mẫu giáo độc lập (theo yêu cầu của tổ chức, cá nhân đề nghị thành lập)", 15),
        P("GIAODUC", "X", "Cho phép cơ sở giáo dục khác thực hiện chương trình giáo dục tiểu học", 10),
    ]
    # ----------------------------------------------------------------- Văn hóa
    c += [
        P("VANHOA", "X", "Thông báo tổ chức lễ hội cấp xã", 5, level=4, w=0.3, code="1.003645"),
        P("VANHOA", "X", "Xét tặng danh hiệu Gia đình văn hóa hàng năm", 5, w=0.5),
        P("VANHOA", "X", "Xét tặng Giấy khen Gia đình văn hóa", 5, w=0.1),
        P("VANHOA", "X", "Xét tặng danh hiệu Khu dân cư văn hóa hàng năm", 5, w=0.05),
        P("VANHOA", "X", "Xét tặng Giấy khen Khu dân cư văn hóa", 5),
        P("VANHOA", "X", "Đăng ký hoạt động thư viện tư nhân có vốn sách ban đầu từ 500 bản đến dưới 1.000 bản", 5),
        P("VANHOA", "X", "Công nhận câu lạc bộ thể thao cơ sở", 7),
        P("VANHOA", "X", "Thủ tục đăng ký tổ chức lễ hội cấp xã", 15),
        P("VANHOA", "H", "Cấp Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", 5, level=4, code="1.001029"),
        P("VANHOA", "H", "Cấp Giấy phép điều chỉnh Giấy phép đủ điều kiện kinh doanh dịch vụ karaoke", 4),
        P("VANHOA", "H", "Thủ tục đăng ký tổ chức lễ hội cấp huyện", 15),
        P("VANHOA", "H", "Thủ tục thông báo tổ chức lễ hội cấp huyện", 5),
        P("VANHOA", "H", "Thủ tục xét tặng danh hiệu Gia đình văn hóa tiêu biểu", 10),
        P("VANHOA", "H", "Thủ tục xét tặng danh hiệu Thôn, Tổ dân phố văn hóa", 10),
        P("VANHOA", "H", "Thủ tục công nhận lần đầu Cơ quan đạt chuẩn văn hóa, Đơn vị đạt chuẩn văn hóa, Doanh nghiệp đạt chuẩn văn hóa", 10),
        P("VANHOA", "H", "Thủ tục công nhận lại Cơ quan đạt chuẩn văn hóa, Đơn vị đạt chuẩn văn hóa, Doanh nghiệp đạt chuẩn văn hóa", 10),
        P("VANHOA", "H", "Thủ tục công nhận lần đầu xã đạt chuẩn văn hóa nông thôn mới", 15),
        P("VANHOA", "H", "Thủ tục công nhận lại xã đạt chuẩn văn hóa nông thôn mới", 15),
        P("VANHOA", "H", "Thủ tục công nhận lần đầu thị trấn đạt chuẩn văn minh đô thị", 15),
        P("VANHOA", "H", "Thủ tục công nhận lại thị trấn đạt chuẩn văn minh đô thị", 15),
        P("VANHOA", "H", "Thủ tục đăng ký hoạt động thư viện tư nhân có vốn sách ban đầu từ 1.000 bản đến dưới 2.000 bản", 5),
        P("VANHOA", "H", "Thủ tục đăng ký hoạt động cơ sở hỗ trợ nạn nhân bạo lực gia đình", 10),
        P("VANHOA", "H", "Thủ tục đăng ký hoạt động cơ sở tư vấn về phòng, chống bạo lực gia đình", 10),
        P("VANHOA", "H", "Thủ tục cấp Giấy chứng nhận đăng ký hoạt động của cơ sở hỗ trợ nạn nhân bạo lực gia đình", 10),
    ]
    # ---------------------------------------------------------------- Tôn giáo
    c += [
        P("TONGIAO", "X", "Thủ tục đăng ký hoạt động tín ngưỡng", 15, level=4, w=0.3, code="1.001078"),
        P("TONGIAO", "X", "Thủ tục đăng ký bổ sung hoạt động tín ngưỡng", 15),
        P("TONGIAO", "X", "Thủ tục đăng ký sinh hoạt tôn giáo tập trung", 20),
        P("TONGIAO", "X", "Thủ tục thông báo danh mục hoạt động tôn giáo đối với tổ chức có địa bàn hoạt động tôn giáo ở một xã", 15),
        P("TONGIAO", "X", "Thủ tục thông báo danh mục hoạt động tôn giáo bổ sung đối với tổ chức có địa bàn hoạt động tôn giáo ở một xã", 15),
        P("TONGIAO", "X", "Thủ tục thông báo tổ chức quyên góp trong địa bàn một xã của cơ sở tín ngưỡng, tổ chức tôn giáo, tổ chức tôn giáo trực thuộc", 5),
        P("TONGIAO", "X", "Thủ tục đề nghị thay đổi địa điểm sinh hoạt tôn giáo tập trung trong địa bàn một xã", 20),
        P("TONGIAO", "X", "Thủ tục đề nghị thay đổi địa điểm sinh hoạt tôn giáo tập trung đến địa bàn xã khác", 20),
        P("TONGIAO", "X", "Thủ tục thông báo về việc thay đổi địa điểm sinh hoạt tôn giáo tập trung", 5),
        P("TONGIAO", "H", "Thủ tục đề nghị sinh hoạt tôn giáo tập trung của người nước ngoài cư trú hợp pháp tại Việt Nam", 20),
        P("TONGIAO", "H", "Thủ tục đăng ký mở lớp bồi dưỡng về tôn giáo cho người chuyên hoạt động tôn giáo", 20),
        P("TONGIAO", "H", "Thủ tục đề nghị tổ chức đại hội của tổ chức tôn giáo cơ sở, tổ chức được cấp chứng nhận đăng ký hoạt động tôn giáo có địa bàn hoạt động ở một huyện", 20),
        P("TONGIAO", "H", "Thủ tục đề nghị tổ chức cuộc lễ ngoài cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô tổ chức ở một huyện", 15),
        P("TONGIAO", "H", "Thủ tục đề nghị giảng đạo ngoài địa bàn phụ trách, cơ sở tôn giáo, địa điểm hợp pháp đã đăng ký có quy mô tổ chức ở một huyện", 15),
    ]
    # ------------------------------------------------------------------- Nội vụ
    c += [
        P("NOIVU", "H", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp huyện về thành tích thực hiện nhiệm vụ chính trị", 20, w=0.05),
        P("NOIVU", "H", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp huyện về thành tích thi đua theo đợt, chuyên đề", 20, w=0.05),
        P("NOIVU", "H", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp huyện về thành tích đột xuất", 10),
        P("NOIVU", "H", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp huyện cho gia đình", 20),
        P("NOIVU", "H", "Thủ tục tặng danh hiệu Lao động tiên tiến", 20),
        P("NOIVU", "H", "Thủ tục tặng danh hiệu Chiến sĩ thi đua cơ sở", 20),
        P("NOIVU", "H", "Thủ tục tặng danh hiệu Tập thể lao động tiên tiến", 20),
        P("NOIVU", "X", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp xã về thực hiện nhiệm vụ chính trị", 20),
        P("NOIVU", "X", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp xã về thành tích thi đua theo đợt hoặc chuyên đề", 20),
        P("NOIVU", "X", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp xã về thành tích đột xuất", 10),
        P("NOIVU", "X", "Thủ tục tặng Giấy khen của Chủ tịch UBND cấp xã cho gia đình", 20),
        P("NOIVU", "H", "Thủ tục công nhận ban vận động thành lập hội", 30),
        P("NOIVU", "H", "Thủ tục thành lập hội", 30),
        P("NOIVU", "H", "Thủ tục phê duyệt điều lệ hội", 30),
        P("NOIVU", "H", "Thủ tục chia, tách; sáp nhập; hợp nhất hội", 30),
        P("NOIVU", "H", "Thủ tục đổi tên hội", 30),
        P("NOIVU", "H", "Thủ tục hội tự giải thể", 15),
        P("NOIVU", "H", "Thủ tục báo cáo tổ chức đại hội nhiệm kỳ, đại hội bất thường của hội", 15),
        P("NOIVU", "H", "Thủ tục xác nhận phiên hiệu thanh niên xung phong ở cấp huyện", 15),
        P("NOIVU", "X", "Thủ tục thông báo thành lập tổ chức thanh niên xung phong ở cấp xã", 15),
    ]
    # -------------------------------------------------------------- Công thương
    for prod in ["rượu", "sản phẩm thuốc lá"]:
        c += [
            P("CONGTHUONG", "H", "Cấp Giấy phép bán lẻ %s" % prod, 10, w=1),
            P("CONGTHUONG", "H", "Cấp lại Giấy phép bán lẻ %s" % prod, 7, w=0.1),
            P("CONGTHUONG", "H", "Cấp sửa đổi, bổ sung Giấy phép bán lẻ %s" % prod, 10, w=0.1),
        ]
    c += [
        P("CONGTHUONG", "H", "Cấp Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", 10, w=0.1),
        P("CONGTHUONG", "H", "Cấp lại Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", 7),
        P("CONGTHUONG", "H", "Cấp sửa đổi, bổ sung Giấy phép sản xuất rượu thủ công nhằm mục đích kinh doanh", 10),
        P("CONGTHUONG", "H", "Cấp Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", 15),
        P("CONGTHUONG", "H", "Cấp lại Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", 7),
        P("CONGTHUONG", "H", "Cấp điều chỉnh Giấy chứng nhận đủ điều kiện cửa hàng bán lẻ LPG chai", 7),
        P("CONGTHUONG", "X", "Cấp Giấy xác nhận đăng ký sản xuất rượu thủ công để bán cho doanh nghiệp có giấy phép sản xuất rượu để chế biến lại", 7, w=0.3),
    ]
    c += [
        P("ATTP", "H", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống", 20, w=0.3),
        P("ATTP", "H", "Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở kinh doanh dịch vụ ăn uống", 10),
        P("ATTP", "H", "Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản", 15, w=0.1),
        P("ATTP", "H", "Cấp lại Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm đối với cơ sở sản xuất, kinh doanh thực phẩm nông, lâm, thủy sản", 10),
        P("ATTP", "H", "Xác nhận kiến thức về an toàn thực phẩm cho chủ cơ sở và người trực tiếp sản xuất, kinh doanh thực phẩm", 5, w=0.1),
    ]
    # ------------------------------------------------------------- Nông nghiệp
    c += [
        P("NONGNGHIEP", "H", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do thiên tai", 10, w=0.2),
        P("NONGNGHIEP", "H", "Hỗ trợ khôi phục sản xuất vùng bị thiệt hại do dịch bệnh", 10, w=0.1),
        P("NONGNGHIEP", "H", "Phê duyệt kế hoạch khuyến nông địa phương (cấp huyện)", 15),
        P("NONGNGHIEP", "H", "Cấp Giấy chứng nhận kinh tế trang trại", 5),
        P("NONGNGHIEP", "H", "Hỗ trợ dự án liên kết (cấp huyện)", 20),
        P("NONGNGHIEP", "H", "Công nhận làng nghề", 30),
        P("NONGNGHIEP", "H", "Công nhận nghề truyền thống", 30),
        P("NONGNGHIEP", "H", "Phê duyệt, điều chỉnh, thiết kế dự toán công trình lâm sinh thuộc dự án do Chủ tịch UBND cấp huyện quyết định đầu tư", 15),
        P("NONGNGHIEP", "H", "Giao rừng cho hộ gia đình, cá nhân", 30),
        P("NONGNGHIEP", "H", "Cho thuê rừng đối với hộ gia đình, cá nhân", 30),
        P("NONGNGHIEP", "H", "Thu hồi rừng của hộ gia đình, cá nhân tự nguyện trả lại rừng", 15),
        P("NONGNGHIEP", "H", "Phê duyệt phương án khai thác thực vật rừng thông thường của hộ gia đình, cá nhân", 10),
        P("NONGNGHIEP", "H", "Thẩm định, phê duyệt phương án ứng phó thiên tai cho công trình, vùng hạ du đập trong quá trình thi công thuộc thẩm quyền của UBND cấp huyện", 20),
        P("NONGNGHIEP", "H", "Thẩm định, phê duyệt phương án ứng phó với tình huống khẩn cấp hồ chứa thủy điện thuộc thẩm quyền của UBND cấp huyện", 20),
        P("NONGNGHIEP", "H", "Hỗ trợ phát triển sản xuất nông nghiệp theo Nghị quyết của Hội đồng nhân dân tỉnh Lai Châu", 15, w=0.2),
        P("NONGNGHIEP", "H", "Hỗ trợ trồng rừng sản xuất và phát triển lâm sản ngoài gỗ", 15, w=0.1),
        P("NONGNGHIEP", "H", "Thẩm định, phê duyệt hồ sơ hỗ trợ phát triển cây chè, cây mắc ca", 15, w=0.2),
        P("NONGNGHIEP", "X", "Xác nhận bảng kê lâm sản", 3, w=0.2),
        P("NONGNGHIEP", "X", "Phê duyệt kế hoạch khuyến nông địa phương (cấp xã)", 15),
        P("NONGNGHIEP", "X", "Thẩm định, phê duyệt phương án ứng phó thiên tai cấp xã", 15),
        P("NONGNGHIEP", "X", "Hỗ trợ đầu tư xây dựng phát triển thủy lợi nhỏ, thủy lợi nội đồng và tưới tiên tiến, tiết kiệm nước", 15),
        P("NONGNGHIEP", "X", "Đăng ký khai thác tận dụng gỗ cây trồng trong vườn nhà, trang trại và cây trồng phân tán", 3, w=0.1),
        P("NONGNGHIEP", "X", "Xác nhận nguồn gốc gia súc, gia cầm vận chuyển ra khỏi địa bàn xã", 1, w=0.2),
        P("NONGNGHIEP", "X", "Hỗ trợ thiệt hại do dịch bệnh động vật (dịch tả lợn châu Phi)", 10, w=0.3),
    ]
    # --------------------------------------------------------------------- TNMT
    c += [
        P("TNMT", "H", "Xác nhận đăng ký kế hoạch bảo vệ môi trường", 10, w=0.1),
        P("TNMT", "H", "Xác nhận đăng ký đề án bảo vệ môi trường đơn giản", 10),
        P("TNMT", "H", "Đăng ký khai thác nước dưới đất", 10),
        P("TNMT", "H", "Kiểm tra, xác nhận hoàn thành công trình bảo vệ môi trường phục vụ giai đoạn vận hành dự án", 15),
        P("TNMT", "H", "Tham vấn ý kiến trong quá trình thực hiện đánh giá tác động môi trường (cấp huyện)", 15),
        P("TNMT", "X", "Tham vấn ý kiến trong quá trình thực hiện đánh giá tác động môi trường (cấp xã)", 10),
        P("TNMT", "X", "Xác nhận đăng ký kế hoạch bảo vệ môi trường (được ủy quyền)", 10),
        P("TNMT", "X", "Đăng ký khai thác nước dưới đất (cấp xã tiếp nhận)", 10),
    ]
    c += [
        P("GTVT", "H", "Cấp phép thi công xây dựng công trình đường bộ trong phạm vi đất dành cho đường bộ đối với đường huyện, đường xã", 7),
        P("GTVT", "H", "Chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đối với đường huyện, đường xã", 7),
        P("GTVT", "H", "Chấp thuận xây dựng cùng thời điểm với cấp phép thi công xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ của đường huyện, đường xã", 7),
        P("GTVT", "H", "Gia hạn chấp thuận xây dựng công trình thiết yếu trong phạm vi bảo vệ kết cấu hạ tầng giao thông đường bộ của đường huyện, đường xã", 3),
    ]
    c += [
        P("DANTOC", "H", "Công nhận người có uy tín trong đồng bào dân tộc thiểu số", 10),
        P("DANTOC", "H", "Đưa ra khỏi danh sách người có uy tín trong đồng bào dân tộc thiểu số", 10),
        P("DANTOC", "H", "Phê duyệt danh sách đối tượng vay vốn hỗ trợ đất ở, nhà ở, đất sản xuất, chuyển đổi nghề cho hộ dân tộc thiểu số nghèo", 15, w=0.1),
        P("DANTOC", "X", "Xét, đề nghị công nhận thôn, bản đặc biệt khó khăn", 15),
        P("DANTOC", "X", "Xác nhận hộ đồng bào dân tộc thiểu số nghèo thiếu đất sản xuất, đất ở", 7, w=0.2),
    ]
    c += [
        P("KNTC", "H", "Thủ tục giải quyết khiếu nại lần đầu tại cấp huyện", 30, NGAY, w=0.1),
        P("KNTC", "H", "Thủ tục giải quyết khiếu nại lần hai tại cấp huyện", 45, NGAY),
        P("KNTC", "H", "Thủ tục giải quyết tố cáo tại cấp huyện", 30, NGAY),
        P("KNTC", "H", "Thủ tục tiếp công dân tại cấp huyện", 1),
        P("KNTC", "H", "Thủ tục xử lý đơn tại cấp huyện", 10),
        P("KNTC", "X", "Thủ tục giải quyết khiếu nại lần đầu tại cấp xã", 30, NGAY, w=0.05),
        P("KNTC", "X", "Thủ tục giải quyết tố cáo tại cấp xã", 30, NGAY),
        P("KNTC", "X", "Thủ tục tiếp công dân tại cấp xã", 1, w=0.1),
        P("KNTC", "X", "Thủ tục xử lý đơn tại cấp xã", 10),
    ]
    return c


# Filler procedures (level 2), used only to bring the catalogue to exactly 348
# level-2 procedures; taken in order, as many as needed.
def _filler():
    f = []
    for prod in ["phân bón", "thuốc bảo vệ thực vật", "thuốc thú y", "giống cây trồng", "thức ăn chăn nuôi"]:
        f.append(P("NONGNGHIEP", "H", "Xác nhận nội dung quảng cáo %s (hồ sơ nộp qua cấp huyện)" % prod, 10))
    for loai in ["đường huyện", "đường xã", "đường đô thị"]:
        f.append(P("GTVT", "H", "Cấp phép sử dụng tạm thời lòng đường, hè phố trên %s" % loai, 5))
    for loai in ["nhà văn hóa thôn, bản", "sân thể thao thôn, bản", "lớp học cắm bản"]:
        f.append(P("XAYDUNG", "X", "Xác nhận hoàn thành công trình %s do cộng đồng tự thực hiện" % loai, 10))
    return f


def build_catalogue():
    """Return the list of procedures: exactly 348 level 2, 12 level 3, 4 level 4."""
    c = _catalogue()
    n2 = sum(1 for p in c if p["level"] == 2)
    need = 348 - n2
    filler = _filler()
    if need < 0 or need > len(filler):
        raise SystemExit("catalogue: %d level-2 procedures, filler cannot fix (need %d)" % (n2, need))
    c += filler[:need]
    counts = {lv: sum(1 for p in c if p["level"] == lv) for lv in (2, 3, 4)}
    assert counts == {2: 348, 3: 12, 4: 4}, counts
    names = [p["name"] for p in c]
    assert len(set(names)) == len(names), "duplicate procedure names"
    return c
