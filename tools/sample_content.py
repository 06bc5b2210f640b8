"""Fictional sample content for anshang (北岚市 市长服务民营企业接待日).

All people, enterprises, phone numbers and events are invented. The city 北岚市 and its
districts do not exist. Data only: plain Python literals, no imports.

ENTERPRISES and CASES are referenced by list index (CASES[i]["enterprise"]), so append
new entries at the end rather than inserting.
"""

DISTRICTS = ["岚山区", "河口区", "新港区", "北岚高新区", "云台县"]

FIELDS = [  # 领域
    "工业和信息化", "发展改革与项目", "自然资源与规划", "住房和城乡建设", "生态环境",
    "财政与金融", "税务", "交通运输与物流", "科技创新", "商务与口岸",
    "市场监管", "人力资源和社会保障", "能源", "农牧水利", "文化旅游",
    "政务服务", "应急管理与安全生产",
]

# role: mayor / vice_mayor; fields: 分管/受理领域
LEADERS = [
    {"id": "mayor", "name": "韩立成", "role": "mayor", "title": "市长", "fields": ["发展改革与项目", "工业和信息化", "财政与金融"]},
    {"id": "vm-zhao", "name": "赵文博", "role": "vice_mayor", "title": "常务副市长", "fields": ["发展改革与项目", "财政与金融", "税务", "政务服务"]},
    {"id": "vm-qian", "name": "钱卫东", "role": "vice_mayor", "title": "副市长", "fields": ["工业和信息化", "科技创新", "能源"]},
    {"id": "vm-sun", "name": "孙海峰", "role": "vice_mayor", "title": "副市长", "fields": ["自然资源与规划", "住房和城乡建设", "交通运输与物流"]},
    {"id": "vm-li", "name": "李慧敏", "role": "vice_mayor", "title": "副市长", "fields": ["生态环境", "应急管理与安全生产", "市场监管"]},
    {"id": "vm-zhou", "name": "周永刚", "role": "vice_mayor", "title": "副市长", "fields": ["商务与口岸", "文化旅游", "人力资源和社会保障"]},
    {"id": "vm-wu", "name": "吴春燕", "role": "vice_mayor", "title": "副市长", "fields": ["农牧水利", "生态环境"]},
]

# 承办单位; district governments cover every field: ["*"]
UNITS = [
    {"id": "fgw", "name": "市发展和改革委员会", "kind": "department", "district": None, "fields": ["发展改革与项目", "能源", "工业和信息化"], "contact_name": "高建平", "contact_phone": "0479-8211306"},
    {"id": "gxj", "name": "市工业和信息化局", "kind": "department", "district": None, "fields": ["工业和信息化", "科技创新"], "contact_name": "刘晓梅", "contact_phone": "0479-8213527"},
    {"id": "zrzyj", "name": "市自然资源局", "kind": "department", "district": None, "fields": ["自然资源与规划", "住房和城乡建设"], "contact_name": "陈志强", "contact_phone": "0479-8225140"},
    {"id": "zjj", "name": "市住房和城乡建设局", "kind": "department", "district": None, "fields": ["住房和城乡建设", "自然资源与规划"], "contact_name": "马玉兰", "contact_phone": "0479-8216683"},
    {"id": "sthjj", "name": "市生态环境局", "kind": "department", "district": None, "fields": ["生态环境"], "contact_name": "杨振华", "contact_phone": "0479-8230417"},
    {"id": "czj", "name": "市财政局", "kind": "department", "district": None, "fields": ["财政与金融", "税务"], "contact_name": "王淑芬", "contact_phone": "0479-8212258"},
    {"id": "jrj", "name": "市金融工作局", "kind": "department", "district": None, "fields": ["财政与金融"], "contact_name": "徐建新", "contact_phone": "0479-8219074"},
    {"id": "swzj", "name": "国家税务总局北岚市税务局", "kind": "department", "district": None, "fields": ["税务"], "contact_name": "郭庆林", "contact_phone": "0479-8237712"},
    {"id": "jtysj", "name": "市交通运输局", "kind": "department", "district": None, "fields": ["交通运输与物流"], "contact_name": "何立军", "contact_phone": "0479-8224396"},
    {"id": "kjj", "name": "市科学技术局", "kind": "department", "district": None, "fields": ["科技创新"], "contact_name": "宋雅琴", "contact_phone": "0479-8218835"},
    {"id": "swj", "name": "市商务局", "kind": "department", "district": None, "fields": ["商务与口岸"], "contact_name": "冯国栋", "contact_phone": "0479-8226051"},
    {"id": "scjgj", "name": "市市场监督管理局", "kind": "department", "district": None, "fields": ["市场监管"], "contact_name": "朱红霞", "contact_phone": "0479-8232609"},
    {"id": "rsj", "name": "市人力资源和社会保障局", "kind": "department", "district": None, "fields": ["人力资源和社会保障"], "contact_name": "郝文斌", "contact_phone": "0479-8215472"},
    {"id": "nyj", "name": "市能源局", "kind": "department", "district": None, "fields": ["能源"], "contact_name": "曹俊峰", "contact_phone": "0479-8227318"},
    {"id": "nmj", "name": "市农牧局", "kind": "department", "district": None, "fields": ["农牧水利"], "contact_name": "白桂英", "contact_phone": "0479-8221964"},
    {"id": "shwj", "name": "市水务局", "kind": "department", "district": None, "fields": ["农牧水利"], "contact_name": "贾永亮", "contact_phone": "0479-8229583"},
    {"id": "wlj", "name": "市文化和旅游局", "kind": "department", "district": None, "fields": ["文化旅游"], "contact_name": "邓丽娟", "contact_phone": "0479-8233140"},
    {"id": "zwfwj", "name": "市政务服务和数据管理局", "kind": "department", "district": None, "fields": ["政务服务", "发展改革与项目"], "contact_name": "袁志刚", "contact_phone": "0479-8210829"},
    {"id": "yshj", "name": "市营商环境建设局", "kind": "department", "district": None, "fields": ["政务服务"], "contact_name": "田春梅", "contact_phone": "0479-8236275"},
    {"id": "yjglj", "name": "市应急管理局", "kind": "department", "district": None, "fields": ["应急管理与安全生产"], "contact_name": "秦海涛", "contact_phone": "0479-8222746"},
    {"id": "gaj", "name": "市公安局", "kind": "department", "district": None, "fields": ["交通运输与物流", "应急管理与安全生产"], "contact_name": "崔宏伟", "contact_phone": "0479-8214390"},
    {"id": "sfj", "name": "市司法局", "kind": "department", "district": None, "fields": ["政务服务"], "contact_name": "范秀云", "contact_phone": "0479-8238061"},
    {"id": "dcs", "name": "市人民政府督查室", "kind": "department", "district": None, "fields": ["政务服务"], "contact_name": "孟凡东", "contact_phone": "0479-8210115"},
    {"id": "lsq", "name": "岚山区人民政府", "kind": "district", "district": "岚山区", "fields": ["*"], "contact_name": "罗建勇", "contact_phone": "0479-8312206"},
    {"id": "hkq", "name": "河口区人民政府", "kind": "district", "district": "河口区", "fields": ["*"], "contact_name": "薛明辉", "contact_phone": "0479-8407513"},
    {"id": "xgq", "name": "新港区人民政府", "kind": "district", "district": "新港区", "fields": ["*"], "contact_name": "潘志宏", "contact_phone": "0479-8526340"},
    {"id": "gxq", "name": "北岚高新区管理委员会", "kind": "district", "district": "北岚高新区", "fields": ["*"], "contact_name": "蒋玉洁", "contact_phone": "0479-8651027"},
    {"id": "ytx", "name": "云台县人民政府", "kind": "district", "district": "云台县", "fields": ["*"], "contact_name": "董长海", "contact_phone": "0479-7632418"},
]

# field -> unit ids; the first is the usual lead unit (牵头单位)
ROUTING = {
    "工业和信息化": ["gxj", "fgw"],
    "发展改革与项目": ["fgw", "zwfwj"],
    "自然资源与规划": ["zrzyj", "zjj"],
    "住房和城乡建设": ["zjj", "zrzyj"],
    "生态环境": ["sthjj"],
    "财政与金融": ["czj", "jrj"],
    "税务": ["swzj", "czj"],
    "交通运输与物流": ["jtysj", "gaj"],
    "科技创新": ["kjj", "gxj"],
    "商务与口岸": ["swj"],
    "市场监管": ["scjgj"],
    "人力资源和社会保障": ["rsj"],
    "能源": ["nyj", "fgw"],
    "农牧水利": ["nmj", "shwj"],
    "文化旅游": ["wlj"],
    "政务服务": ["zwfwj", "yshj"],
    "应急管理与安全生产": ["yjglj", "gaj"],
}

# 企业名录; dispatch = 纳入市政府当年调度
ENTERPRISES = [
    {"name": "北岚市恒泰新材料有限公司", "district": "北岚高新区", "categories": ["above_scale", "listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "于玉涛", "contact_name": "陶金娟", "contact_phone": "17103911654", "industry": "新材料"},  # 0
    {"name": "北岚云图软件科技有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "韩宏新", "contact_name": "姜凤华", "contact_phone": "13370885878", "industry": "软件服务"},  # 1
    {"name": "北岚市瑞邦生物科技股份有限公司", "district": "北岚高新区", "categories": ["above_scale", "listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "彭喜芳", "contact_name": "田振茹", "contact_phone": "19973137240", "industry": "生物制药"},  # 2
    {"name": "北岚智联数据服务有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "贺春杰", "contact_name": "崔兴辉", "contact_phone": "19348697701", "industry": "数据服务"},  # 3
    {"name": "北岚市华晟光伏科技有限公司", "district": "北岚高新区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "林宏东", "contact_name": "贾彩娟", "contact_phone": "15524659635", "industry": "光伏组件"},  # 4
    {"name": "北岚市精测仪器仪表有限公司", "district": "北岚高新区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "戴继林", "contact_name": "朱金伟", "contact_phone": "13870836549", "industry": "仪器仪表"},  # 5
    {"name": "北岚市锐达电子科技有限公司", "district": "北岚高新区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "韩志斌", "contact_name": "孟国勇", "contact_phone": "18553926483", "industry": "电子元器件"},  # 6
    {"name": "北岚稀宇新材料科技有限公司", "district": "北岚高新区", "categories": ["above_scale", "listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "向爱杰", "contact_name": "萧春静", "contact_phone": "15416357431", "industry": "稀土功能材料"},  # 7
    {"name": "北岚市博纳医疗器械有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "程俊斌", "contact_name": "卢淑娟", "contact_phone": "19217746153", "industry": "医疗器械"},  # 8
    {"name": "北岚市星河信息技术有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "郝玉军", "contact_name": "邓少军", "contact_phone": "13771795013", "industry": "软件服务"},  # 9
    {"name": "北岚烯碳科技有限公司", "district": "北岚高新区", "categories": ["listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "毛国敏", "contact_name": "白宏华", "contact_phone": "19372944356", "industry": "石墨烯材料"},  # 10
    {"name": "北岚市丰源氢能科技有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "徐宏波", "contact_name": "万明平", "contact_phone": "13882769117", "industry": "氢能装备"},  # 11
    {"name": "北岚市创想工业设计有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": False, "legal_rep": "袁海磊", "contact_name": "潘海磊", "contact_phone": "15057603873", "industry": "工业设计"},  # 12
    {"name": "北岚市天工智能装备有限公司", "district": "北岚高新区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "萧春英", "contact_name": "张文宁", "contact_phone": "17949743621", "industry": "智能装备"},  # 13
    {"name": "北岚市联创检测技术有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "汪占梅", "contact_name": "程庆成", "contact_phone": "18025212158", "industry": "检验检测"},  # 14
    {"name": "北岚市凯瑞药业有限公司", "district": "北岚高新区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "魏秀平", "contact_name": "陆庆超", "contact_phone": "15266277501", "industry": "医药制造"},  # 15
    {"name": "北岚市蓝海网络科技有限公司", "district": "北岚高新区", "categories": [], "dispatch": False, "legal_rep": "马红燕", "contact_name": "许长军", "contact_phone": "19995228557", "industry": "电子商务平台"},  # 16
    {"name": "北岚市易达云计算有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "向红燕", "contact_name": "史少平", "contact_phone": "19087680482", "industry": "云计算"},  # 17
    {"name": "北岚市晶岚硅材料有限公司", "district": "北岚高新区", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "梁国霞", "contact_name": "姜建涛", "contact_phone": "19508668091", "industry": "多晶硅"},  # 18
    {"name": "北岚市康瑞生物饲料科技有限公司", "district": "北岚高新区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "毛海忠", "contact_name": "宋建英", "contact_phone": "13804568254", "industry": "生物饲料"},  # 19
    {"name": "北岚市安信软件有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "范金亮", "contact_name": "任桂林", "contact_phone": "13519302800", "industry": "软件服务"},  # 20
    {"name": "北岚市北辰储能科技有限公司", "district": "北岚高新区", "categories": ["above_scale", "listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "廖振忠", "contact_name": "龚海英", "contact_phone": "13644236468", "industry": "储能电池"},  # 21
    {"name": "北岚市小禾文化传媒有限公司", "district": "北岚高新区", "categories": [], "dispatch": False, "legal_rep": "黎春磊", "contact_name": "郝爱刚", "contact_phone": "15154723282", "industry": "文化创意"},  # 22
    {"name": "北岚市清源环保科技有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "许雅霞", "contact_name": "夏占霞", "contact_phone": "15010693041", "industry": "环保工程"},  # 23
    {"name": "北岚市精工激光技术有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "梁晓涛", "contact_name": "雷俊梅", "contact_phone": "13234917727", "industry": "激光加工"},  # 24
    {"name": "北岚市睿思教育科技有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": False, "legal_rep": "邵雅宁", "contact_name": "萧振玲", "contact_phone": "19738693734", "industry": "教育软件"},  # 25
    {"name": "北岚市永泰碳纤维有限公司", "district": "北岚高新区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "黄瑞刚", "contact_name": "汤兴新", "contact_phone": "18847294720", "industry": "碳纤维"},  # 26
    {"name": "北岚市迈科机器人有限公司", "district": "北岚高新区", "categories": ["listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "于彩军", "contact_name": "薛爱刚", "contact_phone": "17704821768", "industry": "工业机器人"},  # 27
    {"name": "北岚市微视光电科技有限公司", "district": "北岚高新区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "何瑞芳", "contact_name": "崔金娟", "contact_phone": "15660527612", "industry": "光电器件"},  # 28
    {"name": "北岚市云端数字科技有限公司", "district": "北岚高新区", "categories": ["listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "顾占华", "contact_name": "夏素宁", "contact_phone": "13946186016", "industry": "数字孪生"},  # 29
    {"name": "北岚市河口煤化工有限责任公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "胡振平", "contact_name": "马雅强", "contact_phone": "15659339356", "industry": "煤化工"},  # 30
    {"name": "北岚市金源焦化有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "陶宝成", "contact_name": "侯兴娟", "contact_phone": "17669912722", "industry": "焦化"},  # 31
    {"name": "北岚市宏达氯碱化工有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "薛春鹏", "contact_name": "龙振波", "contact_phone": "15934151455", "industry": "氯碱化工"},  # 32
    {"name": "北岚市鑫盛铁合金有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "江凤琴", "contact_name": "姜爱忠", "contact_phone": "13085420909", "industry": "铁合金"},  # 33
    {"name": "北岚市泰和精细化工有限公司", "district": "河口区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "顾晓东", "contact_name": "吴国辉", "contact_phone": "17384475451", "industry": "精细化工"},  # 34
    {"name": "北岚市永兴煤业有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "方永林", "contact_name": "崔俊杰", "contact_phone": "15330948525", "industry": "煤炭开采"},  # 35
    {"name": "北岚市华鼎重型机械有限公司", "district": "河口区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "韩庆峰", "contact_name": "邱兴斌", "contact_phone": "18079767807", "industry": "重型机械"},  # 36
    {"name": "北岚市东升铝业有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "彭素娟", "contact_name": "曹长强", "contact_phone": "13609194776", "industry": "电解铝"},  # 37
    {"name": "北岚市天宇新能源化工有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "梁庆超", "contact_name": "潘秀茹", "contact_phone": "19804914306", "industry": "甲醇"},  # 38
    {"name": "北岚市远航矿山机械有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "林少波", "contact_name": "毛红荣", "contact_phone": "19762998026", "industry": "矿山机械"},  # 39
    {"name": "北岚市兴隆耐火材料有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "萧振忠", "contact_name": "谭国军", "contact_phone": "19242338389", "industry": "耐火材料"},  # 40
    {"name": "北岚市正阳电石有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "冯海亮", "contact_name": "孟宝英", "contact_phone": "13224356419", "industry": "电石"},  # 41
    {"name": "北岚市瑞丰化肥有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "宋兴涛", "contact_name": "田喜霞", "contact_phone": "15119874061", "industry": "化肥"},  # 42
    {"name": "北岚市汇通工业气体有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "许兴涛", "contact_name": "杜红刚", "contact_phone": "13594205844", "industry": "工业气体"},  # 43
    {"name": "北岚市恒信钢结构工程有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "丁瑞勇", "contact_name": "邓文峰", "contact_phone": "17802472403", "industry": "钢结构"},  # 44
    {"name": "北岚市金桥铸造有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "范永东", "contact_name": "王文伟", "contact_phone": "18329668767", "industry": "铸造"},  # 45
    {"name": "北岚市德隆橡胶制品有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "莫雅茹", "contact_name": "于德梅", "contact_phone": "17449828338", "industry": "橡胶制品"},  # 46
    {"name": "北岚市河口区顺发汽修有限公司", "district": "河口区", "categories": [], "dispatch": False, "legal_rep": "谭志伟", "contact_name": "谢秀强", "contact_phone": "13089753070", "industry": "汽车维修"},  # 47
    {"name": "北岚市万润碳素有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "蔡秀华", "contact_name": "程建伟", "contact_phone": "18249997130", "industry": "碳素制品"},  # 48
    {"name": "北岚市广源煤矸石发电有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "李桂东", "contact_name": "郑永辉", "contact_phone": "17673257067", "industry": "煤矸石发电"},  # 49
    {"name": "北岚市鼎盛建材有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "钟素霞", "contact_name": "谢长新", "contact_phone": "13344370586", "industry": "新型建材"},  # 50
    {"name": "北岚市通达再生资源回收有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": False, "legal_rep": "姜彩宇", "contact_name": "张俊忠", "contact_phone": "13438799878", "industry": "再生资源"},  # 51
    {"name": "北岚市晨光聚氨酯有限公司", "district": "河口区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "方喜芳", "contact_name": "崔瑞峰", "contact_phone": "13855292959", "industry": "化工新材料"},  # 52
    {"name": "北岚市宝丰管业有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "钱淑杰", "contact_name": "侯海燕", "contact_phone": "19600738971", "industry": "管材"},  # 53
    {"name": "北岚市赛特焊材有限公司", "district": "河口区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "任丽成", "contact_name": "陈春华", "contact_phone": "19942393598", "industry": "焊接材料"},  # 54
    {"name": "北岚市北方锻压有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "龙雅磊", "contact_name": "史彩伟", "contact_phone": "17581399575", "industry": "锻造"},  # 55
    {"name": "北岚市河口区利民机械加工厂", "district": "河口区", "categories": [], "dispatch": False, "legal_rep": "任秀斌", "contact_name": "谢彩林", "contact_phone": "18934853172", "industry": "机械加工"},  # 56
    {"name": "北岚市华威水泥有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "唐宝宇", "contact_name": "高桂勇", "contact_phone": "15394114963", "industry": "水泥"},  # 57
    {"name": "北岚市众力密封件有限公司", "district": "河口区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "龚红斌", "contact_name": "陈占荣", "contact_phone": "13622357736", "industry": "密封件"},  # 58
    {"name": "北岚市长青危废处置有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "何金杰", "contact_name": "贺桂琴", "contact_phone": "15334535351", "industry": "危废处置"},  # 59
    {"name": "北岚市金石石墨制品有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "秦明峰", "contact_name": "顾爱琴", "contact_phone": "18835156431", "industry": "石墨制品"},  # 60
    {"name": "北岚市嘉禾化工设备有限公司", "district": "河口区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "江继霞", "contact_name": "沈玉平", "contact_phone": "17388996119", "industry": "化工装备"},  # 61
    {"name": "北岚市振华化工助剂有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "何雅茹", "contact_name": "曹振新", "contact_phone": "17692672120", "industry": "化工助剂"},  # 62
    {"name": "北岚市宏昌铸管有限公司", "district": "河口区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "郝少辉", "contact_name": "潘爱玲", "contact_phone": "15772125529", "industry": "球墨铸管"},  # 63
    {"name": "北岚新港国际物流有限公司", "district": "新港区", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "江永宁", "contact_name": "邹晓鹏", "contact_phone": "18524830531", "industry": "国际物流"},  # 64
    {"name": "北岚市通远冷链物流有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "谢建伟", "contact_name": "付振勇", "contact_phone": "18147081510", "industry": "冷链物流"},  # 65
    {"name": "北岚市顺捷供应链管理有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "梁雅荣", "contact_name": "龙文成", "contact_phone": "13561046460", "industry": "供应链"},  # 66
    {"name": "北岚市陆港集装箱服务有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "龙建辉", "contact_name": "郑金成", "contact_phone": "17478227787", "industry": "集装箱服务"},  # 67
    {"name": "北岚市驰远重卡销售有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "贾立霞", "contact_name": "苏少勇", "contact_phone": "18559848103", "industry": "汽车贸易"},  # 68
    {"name": "北岚市新港保税仓储有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "付海军", "contact_name": "张国宁", "contact_phone": "13835089446", "industry": "保税仓储"},  # 69
    {"name": "北岚市北疆进出口贸易有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "吕长军", "contact_name": "唐建超", "contact_phone": "19013231848", "industry": "进出口贸易"},  # 70
    {"name": "北岚市天成风电装备有限公司", "district": "新港区", "categories": ["above_scale", "listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "陈金亮", "contact_name": "孟金亮", "contact_phone": "18179949775", "industry": "风电装备"},  # 71
    {"name": "北岚市安达危险品运输有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "武喜梅", "contact_name": "江丽成", "contact_phone": "13254748613", "industry": "危化品运输"},  # 72
    {"name": "北岚市吉运快递有限公司", "district": "新港区", "categories": [], "dispatch": False, "legal_rep": "韩金玲", "contact_name": "金国伟", "contact_phone": "19185249897", "industry": "快递"},  # 73
    {"name": "北岚市铁发商砼有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "付海英", "contact_name": "雷兴娟", "contact_phone": "13544173832", "industry": "商品混凝土"},  # 74
    {"name": "北岚市宏远汽车零部件有限公司", "district": "新港区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "方凤波", "contact_name": "谭金辉", "contact_phone": "19738635821", "industry": "汽车零部件"},  # 75
    {"name": "北岚市华运木材加工有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "蒋宝亮", "contact_name": "向秀军", "contact_phone": "15624526505", "industry": "木材加工"},  # 76
    {"name": "北岚市盛达粮油贸易有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "黄红杰", "contact_name": "史国涛", "contact_phone": "17750491839", "industry": "粮油贸易"},  # 77
    {"name": "北岚市新港电缆有限公司", "district": "新港区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "杨爱伟", "contact_name": "陶志英", "contact_phone": "18685955772", "industry": "电线电缆"},  # 78
    {"name": "北岚市佳通货运代理有限公司", "district": "新港区", "categories": [], "dispatch": False, "legal_rep": "冯占强", "contact_name": "苏占军", "contact_phone": "15551979348", "industry": "货运代理"},  # 79
    {"name": "北岚市恒通公路港有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "任彩成", "contact_name": "徐红成", "contact_phone": "13083964488", "industry": "公路港"},  # 80
    {"name": "北岚市欧亚班列运营有限公司", "district": "新港区", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "孔振琴", "contact_name": "高俊茹", "contact_phone": "13956398599", "industry": "班列运营"},  # 81
    {"name": "北岚市诚信二手车交易市场有限公司", "district": "新港区", "categories": [], "dispatch": False, "legal_rep": "邹德辉", "contact_name": "赵桂军", "contact_phone": "18708015307", "industry": "二手车交易"},  # 82
    {"name": "北岚市泽远光伏支架有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "龙晓敏", "contact_name": "董瑞刚", "contact_phone": "15734535599", "industry": "光伏支架"},  # 83
    {"name": "北岚市隆泰包装材料有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "曾爱伟", "contact_name": "汪秀峰", "contact_phone": "13513514869", "industry": "包装材料"},  # 84
    {"name": "北岚市润泽医药物流有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "金庆宇", "contact_name": "崔红忠", "contact_phone": "19232115478", "industry": "医药物流"},  # 85
    {"name": "北岚市鑫达钢材加工配送有限公司", "district": "新港区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "吕丽芳", "contact_name": "龚红磊", "contact_phone": "17143388578", "industry": "钢材加工配送"},  # 86
    {"name": "北岚市金港跨境电子商务有限公司", "district": "新港区", "categories": ["listing_reserve"], "dispatch": True, "legal_rep": "侯海伟", "contact_name": "戴宝刚", "contact_phone": "13371745991", "industry": "跨境电商"},  # 87
    {"name": "北岚市新港区老马家具厂", "district": "新港区", "categories": [], "dispatch": False, "legal_rep": "钱桂亮", "contact_name": "卢永伟", "contact_phone": "13351955046", "industry": "家具制造"},  # 88
    {"name": "北岚市北方农机装备有限公司", "district": "新港区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "任素超", "contact_name": "孟金霞", "contact_phone": "15333223610", "industry": "农机装备"},  # 89
    {"name": "北岚市迅达汽车检测有限公司", "district": "新港区", "categories": [], "dispatch": False, "legal_rep": "程秀林", "contact_name": "萧春成", "contact_phone": "19852800048", "industry": "机动车检测"},  # 90
    {"name": "北岚市宏业变压器有限公司", "district": "新港区", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "沈爱军", "contact_name": "谢春勇", "contact_phone": "18056014450", "industry": "输变电设备"},  # 91
    {"name": "北岚市畅行新能源汽车有限公司", "district": "新港区", "categories": ["above_scale", "listing_reserve", "high_tech"], "dispatch": True, "legal_rep": "吕立勇", "contact_name": "顾丽霞", "contact_phone": "15655078156", "industry": "新能源专用车"},  # 92
    {"name": "北岚市运恒仓储服务有限公司", "district": "新港区", "categories": [], "dispatch": False, "legal_rep": "曾红荣", "contact_name": "罗俊忠", "contact_phone": "19526559400", "industry": "仓储"},  # 93
    {"name": "北岚市捷安汽车租赁有限公司", "district": "新港区", "categories": [], "dispatch": False, "legal_rep": "郝宏波", "contact_name": "黎凤林", "contact_phone": "18437409130", "industry": "汽车租赁"},  # 94
    {"name": "北岚市岚山食品有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "姚立辉", "contact_name": "闫庆辉", "contact_phone": "17319244130", "industry": "食品加工"},  # 95
    {"name": "北岚市福瑞祥餐饮管理有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "萧建茹", "contact_name": "胡明峰", "contact_phone": "13261871326", "industry": "餐饮"},  # 96
    {"name": "北岚市金鼎房地产开发有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "李春燕", "contact_name": "李文琴", "contact_phone": "13369979016", "industry": "房地产开发"},  # 97
    {"name": "北岚市万和商贸有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "崔素平", "contact_name": "段喜霞", "contact_phone": "19673260150", "industry": "商贸零售"},  # 98
    {"name": "北岚市岚山建工集团有限公司", "district": "岚山区", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "余宏梅", "contact_name": "汪国敏", "contact_phone": "18710286647", "industry": "建筑施工"},  # 99
    {"name": "北岚市康宁医院有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "李春波", "contact_name": "高彩涛", "contact_phone": "15431149723", "industry": "民营医疗"},  # 100
    {"name": "北岚市天香乳业有限公司", "district": "岚山区", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "郑振忠", "contact_name": "韩素燕", "contact_phone": "15768005652", "industry": "乳制品"},  # 101
    {"name": "北岚市鸿福大酒店有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "方文伟", "contact_name": "孟宏娟", "contact_phone": "19565795707", "industry": "住宿餐饮"},  # 102
    {"name": "北岚市文博印务有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "薛彩敏", "contact_name": "萧庆英", "contact_phone": "15230523879", "industry": "印刷"},  # 103
    {"name": "北岚市安居物业服务有限公司", "district": "岚山区", "categories": [], "dispatch": False, "legal_rep": "陆文琴", "contact_name": "廖志鹏", "contact_phone": "17401942811", "industry": "物业服务"},  # 104
    {"name": "北岚市百味园调味品有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "孔雅军", "contact_name": "宋继伟", "contact_phone": "18725999826", "industry": "调味品"},  # 105
    {"name": "北岚市惠民药房连锁有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "赵凤峰", "contact_name": "王爱敏", "contact_phone": "15128720162", "industry": "医药零售"},  # 106
    {"name": "北岚市鑫源小额贷款有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "刘宏波", "contact_name": "唐德静", "contact_phone": "13116021597", "industry": "小额贷款"},  # 107
    {"name": "北岚市佳美装饰工程有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "郝志忠", "contact_name": "邓瑞杰", "contact_phone": "15839548836", "industry": "装饰装修"},  # 108
    {"name": "北岚市麦香园烘焙食品有限公司", "district": "岚山区", "categories": [], "dispatch": False, "legal_rep": "朱雅宇", "contact_name": "周振勇", "contact_phone": "13802235936", "industry": "烘焙食品"},  # 109
    {"name": "北岚市金穗面业有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "宋春超", "contact_name": "李志伟", "contact_phone": "17606915498", "industry": "面粉加工"},  # 110
    {"name": "北岚市恒达建筑安装工程有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "苏瑞敏", "contact_name": "向喜超", "contact_phone": "17014827198", "industry": "建筑安装"},  # 111
    {"name": "北岚市博雅教育咨询有限公司", "district": "岚山区", "categories": [], "dispatch": False, "legal_rep": "罗淑亮", "contact_name": "陶俊琴", "contact_phone": "18689049907", "industry": "教育培训"},  # 112
    {"name": "北岚市聚福斋食品有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "丁喜华", "contact_name": "董丽峰", "contact_phone": "13860626074", "industry": "传统糕点"},  # 113
    {"name": "北岚市宏基市政工程有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "崔淑涛", "contact_name": "林庆敏", "contact_phone": "17178788848", "industry": "市政工程"},  # 114
    {"name": "北岚市润康养老服务有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "杨喜梅", "contact_name": "姜占琴", "contact_phone": "15223887138", "industry": "养老服务"},  # 115
    {"name": "北岚市天马广告传媒有限公司", "district": "岚山区", "categories": [], "dispatch": False, "legal_rep": "孙丽亮", "contact_name": "罗红平", "contact_phone": "15447454948", "industry": "广告传媒"},  # 116
    {"name": "北岚市丰泽酒业有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "张彩英", "contact_name": "姚庆芳", "contact_phone": "15928589608", "industry": "白酒酿造"},  # 117
    {"name": "北岚市瑞祥百货有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "姚国敏", "contact_name": "孔占鹏", "contact_phone": "15731749683", "industry": "百货零售"},  # 118
    {"name": "北岚市鹏程驾驶员培训有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": False, "legal_rep": "刘文霞", "contact_name": "石长杰", "contact_phone": "13857152662", "industry": "驾驶培训"},  # 119
    {"name": "北岚市绿源净水设备有限公司", "district": "岚山区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "闫国超", "contact_name": "夏素辉", "contact_phone": "19286947909", "industry": "净水设备"},  # 120
    {"name": "北岚市兴业人力资源服务有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "彭雅刚", "contact_name": "唐少超", "contact_phone": "18847876461", "industry": "人力资源服务"},  # 121
    {"name": "北岚市金色年华文化旅游有限公司", "district": "岚山区", "categories": [], "dispatch": False, "legal_rep": "王振燕", "contact_name": "李继忠", "contact_phone": "18171067255", "industry": "文化旅游"},  # 122
    {"name": "北岚市岚韵服饰有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "冯继敏", "contact_name": "龚宏宇", "contact_phone": "15938163003", "industry": "服装制造"},  # 123
    {"name": "北岚市华信会展服务有限公司", "district": "岚山区", "categories": [], "dispatch": False, "legal_rep": "吕立峰", "contact_name": "萧德华", "contact_phone": "15360454226", "industry": "会展服务"},  # 124
    {"name": "北岚市天润燃气有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "金丽荣", "contact_name": "董国鹏", "contact_phone": "17314363929", "industry": "城市燃气"},  # 125
    {"name": "北岚市信达融资担保有限公司", "district": "岚山区", "categories": ["above_scale"], "dispatch": True, "legal_rep": "孟兴荣", "contact_name": "曹海杰", "contact_phone": "17169565554", "industry": "融资担保"},  # 126
    {"name": "北岚市老街坊餐饮连锁有限公司", "district": "岚山区", "categories": [], "dispatch": False, "legal_rep": "汪宝燕", "contact_name": "邱庆静", "contact_phone": "17446770348", "industry": "餐饮连锁"},  # 127
    {"name": "北岚市鼎新建设工程检测有限公司", "district": "岚山区", "categories": ["high_tech"], "dispatch": True, "legal_rep": "顾立东", "contact_name": "余兴东", "contact_phone": "15383754395", "industry": "工程检测"},  # 128
    {"name": "云台县草原牧歌乳业有限公司", "district": "云台县", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "毛明军", "contact_name": "顾明静", "contact_phone": "18871095369", "industry": "乳制品"},  # 129
    {"name": "云台县绿野牧业有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "马兴波", "contact_name": "熊玉荣", "contact_phone": "13636197186", "industry": "肉羊养殖"},  # 130
    {"name": "云台县金谷杂粮有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "江晓林", "contact_name": "蔡庆斌", "contact_phone": "17431751714", "industry": "杂粮加工"},  # 131
    {"name": "北岚市云台风力发电有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "金丽杰", "contact_name": "邹宏静", "contact_phone": "19697140253", "industry": "风力发电"},  # 132
    {"name": "云台县山水旅游开发有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "袁继平", "contact_name": "赵振静", "contact_phone": "18011833942", "industry": "景区运营"},  # 133
    {"name": "云台县天牧肉业有限公司", "district": "云台县", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "韩爱涛", "contact_name": "武凤英", "contact_phone": "19135322974", "industry": "肉类加工"},  # 134
    {"name": "云台县丰禾种业有限公司", "district": "云台县", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "史庆霞", "contact_name": "谭永燕", "contact_phone": "13662349341", "industry": "种业"},  # 135
    {"name": "云台县日升光伏发电有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "段红伟", "contact_name": "汤彩新", "contact_phone": "19427330276", "industry": "光伏发电"},  # 136
    {"name": "云台县远牧皮毛制品有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "邱爱敏", "contact_name": "刘继忠", "contact_phone": "13688462368", "industry": "皮毛加工"},  # 137
    {"name": "云台县云台山温泉度假村有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "曾瑞华", "contact_name": "龙宏磊", "contact_phone": "13470711504", "industry": "温泉度假"},  # 138
    {"name": "云台县绿康蔬菜种植有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "孟志辉", "contact_name": "张立敏", "contact_phone": "13952228310", "industry": "设施农业"},  # 139
    {"name": "云台县金土豆薯业有限公司", "district": "云台县", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "潘继芳", "contact_name": "熊志辉", "contact_phone": "17336775990", "industry": "马铃薯加工"},  # 140
    {"name": "云台县鑫磊石料有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "郭爱军", "contact_name": "邹文玲", "contact_phone": "19776925122", "industry": "砂石开采"},  # 141
    {"name": "云台县草原人家民宿有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "苏瑞玲", "contact_name": "方志刚", "contact_phone": "19233073848", "industry": "民宿"},  # 142
    {"name": "云台县牧源饲草有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "林德宇", "contact_name": "范兴军", "contact_phone": "17496232162", "industry": "饲草料"},  # 143
    {"name": "云台县华农有机肥有限公司", "district": "云台县", "categories": ["high_tech"], "dispatch": True, "legal_rep": "丁瑞芳", "contact_name": "史宝梅", "contact_phone": "19731407958", "industry": "有机肥"},  # 144
    {"name": "云台县兴旺养殖有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "萧立军", "contact_name": "潘红军", "contact_phone": "19732226479", "industry": "生猪养殖"},  # 145
    {"name": "云台县恒源萤石矿业有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "田德伟", "contact_name": "姚国超", "contact_phone": "13600124700", "industry": "萤石开采"},  # 146
    {"name": "云台县乡味农产品电子商务有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "贺瑞辉", "contact_name": "邹振辉", "contact_phone": "13494935726", "industry": "农村电商"},  # 147
    {"name": "云台县塞上沙棘饮品有限公司", "district": "云台县", "categories": ["above_scale", "high_tech"], "dispatch": True, "legal_rep": "朱桂东", "contact_name": "龙继波", "contact_phone": "15566311463", "industry": "沙棘饮品"},  # 148
    {"name": "云台县百草中药材种植有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "尹喜宁", "contact_name": "于继亮", "contact_phone": "13249176084", "industry": "中药材种植"},  # 149
    {"name": "云台县长风新能源有限公司", "district": "云台县", "categories": ["above_scale", "listing_reserve"], "dispatch": True, "legal_rep": "谭长勇", "contact_name": "邵玉磊", "contact_phone": "18394137781", "industry": "风光储一体化"},  # 150
    {"name": "云台县驼铃文化旅游有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "侯凤梅", "contact_name": "卢桂强", "contact_phone": "17031435231", "industry": "文化旅游"},  # 151
    {"name": "云台县清泉矿泉水有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "宋爱鹏", "contact_name": "孟桂华", "contact_phone": "18952561805", "industry": "饮用水"},  # 152
    {"name": "云台县鸿运粮食购销有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "汤玉宁", "contact_name": "万素忠", "contact_phone": "19497047027", "industry": "粮食购销"},  # 153
    {"name": "云台县利农农机服务有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "姚晓亮", "contact_name": "杨明杰", "contact_phone": "19776628015", "industry": "农机服务"},  # 154
    {"name": "云台县瑞雪羊绒制品有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "付红娟", "contact_name": "姜喜静", "contact_phone": "18424997560", "industry": "羊绒制品"},  # 155
    {"name": "云台县田园牧场观光有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "高红鹏", "contact_name": "赵文军", "contact_phone": "17676092212", "industry": "休闲农业"},  # 156
    {"name": "云台县金诚建材有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "刘淑敏", "contact_name": "刘长刚", "contact_phone": "19156728668", "industry": "建材"},  # 157
    {"name": "云台县鲜达冷链配送有限公司", "district": "云台县", "categories": [], "dispatch": False, "legal_rep": "赵德东", "contact_name": "李建敏", "contact_phone": "13248203001", "industry": "冷链配送"},  # 158
    {"name": "云台县青山生态林业有限公司", "district": "云台县", "categories": ["above_scale"], "dispatch": True, "legal_rep": "郭彩宁", "contact_name": "吕建刚", "contact_phone": "17912665492", "industry": "林业"},  # 159
]

# 企业诉求; enterprise = index into ENTERPRISES (None = anonymous); kind = intended lifecycle stage
CASES = [
    {  # 0 registered — 北岚市锐达电子科技有限公司
        "enterprise": 6,
        "fields": ["市场监管", "政务服务"],
        "title": "=SUM(A1)企业名称被误写问题",
        "facts": "2026年1月，企业发现北岚市公共资源交易平台主体库中本企业名称被误录为“北岚市税达电子科技有限公司”。受此影响，企业参与的2个政府采购项目（合计预算约860万元）在资格审查中被判定为名称与营业执照不一致。企业已于1月20日向平台运营方书面反映，至今未予更正。",
        "reasons": "名称登记以营业执照为准，错误系数据迁移时录入所致，企业无过错。",
        "request": "请求在2026年3月底前更正主体库信息，并向相关招标人出具情况说明。",
        "kind": "registered",
        "units": ["scjgj", "zwfwj"],
    },
    {  # 1 registered — 北岚市金穗面业有限公司
        "enterprise": 110,
        "fields": ["能源"],
        "title": "厂房屋顶分布式光伏并网申请久拖未决",
        "facts": "企业于2025年10月在岚山区厂区屋顶建成1.2兆瓦分布式光伏项目，总投资约480万元。2025年11月向供电部门提交并网申请，至2026年2月底仍未取得接入系统方案，答复为所在台区可开放容量不足。项目闲置期间企业每月多支出电费约6万元。",
        "reasons": "项目已按规定完成备案，企业自发自用比例超过80%，对电网冲击小。",
        "request": "请求协调供电部门在30日内出具接入方案，必要时对所在台区变压器实施增容改造。",
        "kind": "registered",
        "units": ["nyj", "fgw"],
    },
    {  # 2 registered — 北岚市华鼎重型机械有限公司
        "enterprise": 36,
        "fields": ["人力资源和社会保障", "交通运输与物流"],
        "title": "技术工人招工难及厂区通勤不便",
        "facts": "企业2026年计划新增焊工、数控操作工等技术工人120名，截至2月底通过3场招聘会仅招到37人。现有一线员工平均年龄46岁，近两年流失青年技工28人。河口区工业园至市区无直达公交，末班车17:30发出，夜班职工通勤困难。",
        "reasons": "本地职业院校焊接、数控专业年招生不足200人，通勤不便进一步削弱了企业招聘吸引力。",
        "request": "请求协调市属职业院校开展订单式培养，并开通或延长市区至河口工业园的公交线路至22:00。",
        "kind": "registered",
        "units": ["rsj", "jtysj", "hkq"],
    },
    {  # 3 registered — 北岚市通远冷链物流有限公司
        "enterprise": 65,
        "fields": ["交通运输与物流"],
        "title": "生鲜配送冷藏车城区通行证不足",
        "facts": "企业有4.2米冷藏车18辆，承担岚山区32家超市和14所学校食堂的生鲜配送。2026年1月起城区货车限行时段调整为7:00至21:00，企业目前仅持有通行证5张。部分学校要求上午10点前送达，企业被迫改用小型面包车分装，月增加成本约4.5万元。",
        "reasons": "生鲜配送属于保障民生的城市配送，时效性强，无法全部安排在夜间。",
        "request": "请求为企业增发城区通行证至15张，或设立生鲜冷链配送车辆专用通行时段。",
        "kind": "registered",
        "units": ["jtysj", "gaj"],
    },
    {  # 4 excluded_judicial — 北岚市恒达建筑安装工程有限公司
        "enterprise": 111,
        "fields": ["住房和城乡建设"],
        "title": "住宅项目开发商拖欠工程款",
        "facts": "企业于2023年承建岚山区某住宅小区二期安装工程，2024年12月完成竣工验收，开发商尚欠工程款1560万元。企业已于2025年9月向岚山区人民法院提起诉讼，案件目前处于一审审理阶段。",
        "reasons": "欠款导致企业拖欠材料供应商货款，影响120余名农民工工资发放。",
        "request": "请求市政府协调法院加快审理，并督促开发商尽快支付工程款。",
        "kind": "excluded_judicial",
        "units": ["zjj", "lsq"],
    },
    {  # 5 excluded_judicial — 北岚市鑫盛铁合金有限公司
        "enterprise": 33,
        "fields": ["能源"],
        "title": "蒸汽供应合同价格纠纷",
        "facts": "企业与园区一家热电企业于2022年签订蒸汽供应合同，2025年7月对方单方面将蒸汽价格由每吨168元上调至215元。双方协商未果，企业已于2025年12月向北岚仲裁委员会申请仲裁，仲裁庭定于2026年3月开庭。",
        "reasons": "调价未按合同约定提前90日书面通知，企业认为调价无效。",
        "request": "请求市政府出面协调热电企业恢复原合同价格。",
        "kind": "excluded_judicial",
        "units": ["nyj", "hkq"],
    },
    {  # 6 excluded_petition — 云台县绿野牧业有限公司
        "enterprise": 130,
        "fields": ["农牧水利", "自然资源与规划"],
        "title": "牧场因生态红线调整搬迁补偿未到位",
        "facts": "企业位于云台县白石乡的存栏3000只肉羊的标准化牧场，因2024年生态保护红线调整需整体搬迁。企业测算搬迁损失约860万元，县里已拨付补偿款210万元。企业已于2025年10月通过市信访局网上信访平台反映该问题，并收到信访事项受理告知书。",
        "reasons": "企业认为补偿标准未计入圈舍建设和饲草基地投入，明显偏低。",
        "request": "请求按实际损失足额补偿，并协助落实新牧场用地。",
        "kind": "excluded_petition",
        "units": ["nmj", "zrzyj", "ytx"],
    },
    {  # 7 excluded_discipline — 北岚市宏基市政工程有限公司
        "enterprise": 114,
        "fields": ["发展改革与项目"],
        "title": "反映招标过程中有人索要好处费",
        "facts": "企业反映2025年8月参与某市政道路维修项目投标期间，有公职人员暗示需支付“中标服务费”。企业已于2026年1月将相关情况及聊天记录向市纪委监委举报，并收到受理回执。",
        "reasons": "企业认为该行为严重破坏公平竞争的招投标秩序。",
        "request": "请求对涉事人员严肃查处，并对该项目重新组织招标。",
        "kind": "excluded_discipline",
        "units": ["fgw"],
    },
    {  # 8 excluded_proposal — 云台县山水旅游开发有限公司
        "enterprise": 133,
        "fields": ["文化旅游", "交通运输与物流"],
        "title": "云台山景区旅游公路延伸建设",
        "facts": "云台山景区现有道路仅通至山门外8公里处，旺季周末车辆排队超过2小时。企业董事长作为市政协委员，已在2026年1月市政协十届五次会议上提交《关于加快云台山景区旅游公路建设的提案》，该提案已立案并交市交通运输局主办。",
        "reasons": "道路条件已成为制约景区年接待量突破50万人次的主要瓶颈。",
        "request": "请求将旅游公路延伸段列入2026年市级交通重点项目。",
        "kind": "excluded_proposal",
        "units": ["jtysj", "wlj", "ytx"],
    },
    {  # 9 excluded_vague — 北岚市万和商贸有限公司
        "enterprise": 98,
        "fields": ["商务与口岸"],
        "title": "希望政府多支持民营企业",
        "facts": "近年来经营压力比较大，希望政府多关心支持企业。",
        "reasons": "市场不景气。",
        "request": "希望政府加大支持力度。",
        "kind": "excluded_vague",
        "units": ["swj"],
    },
    {  # 10 excluded_vague — 北岚市丰泽酒业有限公司
        "enterprise": 117,
        "fields": ["政务服务"],
        "title": "营商环境还需进一步改善",
        "facts": "企业在办事过程中感觉有些部门效率不高，营商环境有待提升。",
        "reasons": "",
        "request": "建议政府进一步改进作风，优化营商环境。",
        "kind": "excluded_vague",
        "units": ["zwfwj", "yshj"],
    },
    {  # 11 excluded_anonymous — anonymous
        "enterprise": None,
        "fields": ["生态环境"],
        "title": "反映化工园区有企业夜间偷排废气",
        "facts": "来信未署名。信中称2026年1月以来，河口区化工园区西侧多次在夜间22点后出现刺激性气味，周边企业职工反映强烈。",
        "reasons": "来信认为有企业利用夜间监管薄弱时段超标排放。",
        "request": "请求生态环境部门开展夜间突击检查并查处违法企业。",
        "kind": "excluded_anonymous",
        "units": ["sthjj", "hkq"],
    },
    {  # 12 excluded_anonymous — anonymous
        "enterprise": None,
        "fields": ["市场监管", "应急管理与安全生产"],
        "title": "反映涉企检查过多过频",
        "facts": "匿名来信，未留企业名称和联系方式。信中称2025年11月某企业一个月内接受市场监管、应急管理等部门检查7次，每次都要求提供相同材料。",
        "reasons": "重复检查占用企业大量人力，影响正常生产。",
        "request": "建议推行“综合查一次”，减少重复检查。",
        "kind": "excluded_anonymous",
        "units": ["scjgj", "yjglj"],
    },
    {  # 13 referred — 北岚市麦香园烘焙食品有限公司
        "enterprise": 109,
        "fields": ["市场监管"],
        "title": "食品生产许可证车间改造后变更办理",
        "facts": "企业于2025年12月对岚山区建设路生产车间进行改造，新增一条月饼生产线。2026年1月申请食品生产许可变更，因现场核查排期已推至4月，中秋订单生产准备受到影响。",
        "reasons": "企业已按要求完成车间布局整改，具备现场核查条件。",
        "request": "请求提前安排现场核查，在2026年3月底前完成许可变更。",
        "kind": "referred",
        "units": ["lsq", "scjgj"],
    },
    {  # 14 referred — 云台县草原人家民宿有限公司
        "enterprise": 142,
        "fields": ["文化旅游"],
        "title": "民宿特种行业许可和消防手续办理",
        "facts": "企业在云台县白石乡利用闲置农房改建民宿12间，2025年7月开始试营业。因农房无规划许可手续，消防和特种行业许可无法办理，2025年旅游旺季只能接待散客，损失团队订单约30万元。",
        "reasons": "同类乡村民宿在县内普遍存在手续办理难问题。",
        "request": "请求县里明确乡村民宿手续办理路径，在2026年5月旅游旺季前办结。",
        "kind": "referred",
        "units": ["ytx", "wlj"],
    },
    {  # 15 referred — 北岚市吉运快递有限公司
        "enterprise": 73,
        "fields": ["交通运输与物流"],
        "title": "快递分拣场地租赁到期无处搬迁",
        "facts": "企业在新港区临时租用的2000平方米分拣场地将于2026年6月到期，出租方已明确不再续租。企业日均处理快件约2.6万件，目前尚未找到符合条件的替代场地。",
        "reasons": "新港区物流园区现有仓储用房租金较高且多为整栋出租，不适合中小快递企业。",
        "request": "请求协调新港区在物流园区内提供约2000平方米的分拣场地，租期不少于3年。",
        "kind": "referred",
        "units": ["xgq", "jtysj"],
    },
    {  # 16 referred — 北岚市创想工业设计有限公司
        "enterprise": 12,
        "fields": ["科技创新"],
        "title": "孵化器入驻企业房租补贴未兑现",
        "facts": "企业于2024年3月入驻北岚高新区科技企业孵化器，按照入驻协议可享受前两年50%的房租补贴，合计约9.6万元。2025年度补贴至今未到账，孵化器运营方称需等待管委会拨付资金。",
        "reasons": "入驻协议明确约定补贴按年度兑现，企业已按期缴纳全额租金。",
        "request": "请求在2026年二季度前兑现2025年度房租补贴。",
        "kind": "referred",
        "units": ["gxq", "kjj"],
    },
    {  # 17 accepted — 北岚市恒泰新材料有限公司
        "enterprise": 0,
        "fields": ["税务"],
        "title": "增值税留抵退税办理进度缓慢",
        "facts": "企业2025年新建年产2万吨高性能铝基复合材料生产线，购进设备形成增量留抵税额1370万元。2025年11月提交留抵退税申请后，税务部门要求补充进项发票核查材料，企业已于12月全部补齐，至2026年2月底退税仍未到账。",
        "reasons": "留抵资金长期占用，一季度原材料采购资金缺口约2000万元。",
        "request": "请求税务部门加快核查流程，在2026年3月底前完成退税。",
        "kind": "accepted",
        "units": ["swzj", "czj"],
    },
    {  # 18 accepted — 北岚稀宇新材料科技有限公司
        "enterprise": 7,
        "fields": ["财政与金融"],
        "title": "扩产项目贷款融资担保额度不足",
        "facts": "企业计划2026年投资1.8亿元建设年产3000吨稀土抛光粉扩产项目，已向合作银行申请项目贷款5000万元。银行要求提供第三方担保，而市属融资担保机构单户担保上限为2000万元。",
        "reasons": "项目已列入2026年市级重点工业项目，企业近三年营收年均增长31%，无不良信用记录。",
        "request": "请求协调通过再担保分险或市级风险补偿资金池，将单户担保额度提高至5000万元。",
        "kind": "accepted",
        "units": ["jrj", "czj"],
    },
    {  # 19 accepted — 北岚市晨光聚氨酯有限公司
        "enterprise": 52,
        "fields": ["生态环境", "发展改革与项目"],
        "title": "扩建项目环评因园区规划环评暂缓受理",
        "facts": "企业年产3万吨聚氨酯弹性体扩建项目于2025年9月取得备案，环评报告书于2025年12月报送市生态环境局。因河口化工园区规划环评跟踪评价尚未完成，环评申请被暂缓受理。项目设备采购合同已签订，延期将产生违约金约300万元。",
        "reasons": "园区规划环评跟踪评价不属于企业责任，且项目不新增园区污染物排放总量。",
        "request": "请求督促园区在2026年4月底前完成规划环评跟踪评价，并对项目环评同步开展技术审查。",
        "kind": "accepted",
        "units": ["sthjj", "fgw", "hkq"],
    },
    {  # 20 accepted — 北岚市精测仪器仪表有限公司
        "enterprise": 5,
        "fields": ["科技创新", "财政与金融"],
        "title": "专利资助和高企认定奖励未兑现",
        "facts": "根据市政府2023年出台的科技创新扶持政策，企业2024年获授权发明专利6件，应获专利资助18万元；2024年通过高新技术企业复审，应获认定奖励30万元。上述合计48万元资金，企业于2025年4月完成申报并通过公示，至今未拨付。",
        "reasons": "政策文件明确了奖补标准和兑现时限，企业已履行全部申报程序。",
        "request": "请求在2026年上半年内足额兑现48万元奖补资金，并明确今后兑现时间表。",
        "kind": "accepted",
        "units": ["kjj", "czj"],
    },
    {  # 21 scheduled — 北岚市宏达氯碱化工有限公司
        "enterprise": 32,
        "fields": ["税务"],
        "title": "留抵退税因上游发票协查长期暂停",
        "facts": "企业2025年实施离子膜烧碱节能改造，形成留抵税额960万元。2025年10月申请留抵退税，税务部门以需对两家上游供应商发票开展协查为由暂停办理，至今已超过4个月。涉及协查的发票金额仅占进项总额的6%。",
        "reasons": "协查范围之外的进项税额不存在疑点，全部暂停办理不合理。",
        "request": "请求明确协查办结时限，对已核实无疑点部分的留抵税额先行退付。",
        "kind": "scheduled",
        "units": ["swzj"],
    },
    {  # 22 scheduled — 北岚市永泰碳纤维有限公司
        "enterprise": 26,
        "fields": ["能源", "工业和信息化"],
        "title": "二期碳化生产线用电增容",
        "facts": "企业二期年产2000吨碳纤维碳化生产线计划于2026年8月投产，需将用电容量由10兆伏安增至25兆伏安。企业于2025年11月提出增容申请，供电部门答复周边110千伏高新变电站无空余间隔，需等待2027年扩建。",
        "reasons": "二期设备已全部到货，若不能按期通电，预计年减少产值约3.2亿元。",
        "request": "请求协调供电部门制定临时供电过渡方案，并将高新变电站扩建提前至2026年内完成。",
        "kind": "scheduled",
        "units": ["nyj", "gxj", "gxq"],
    },
    {  # 23 scheduled — 北岚市天成风电装备有限公司
        "enterprise": 71,
        "fields": ["交通运输与物流", "住房和城乡建设"],
        "title": "新港七路未打通影响风机叶片运输",
        "facts": "企业厂区东侧规划道路新港七路约1.4公里至今未建成，长86米的风机叶片运输车辆需绕行12公里，途经3处急弯和1座限重桥。2025年企业因此增加运输成本约260万元，并发生2次运输延误违约。",
        "reasons": "新港七路已列入新港区路网规划多年，是园区企业大件运输的必经通道。",
        "request": "请求将新港七路列入2026年市政道路建设计划，在年内建成通车。",
        "kind": "scheduled",
        "units": ["jtysj", "zjj", "xgq"],
    },
    {  # 24 scheduled — 北岚市天工智能装备有限公司
        "enterprise": 13,
        "fields": ["人力资源和社会保障", "住房和城乡建设"],
        "title": "技术人才招引难及人才公寓申请",
        "facts": "企业2026年需新增电气调试、软件工程师等技术人员60名，截至2月仅到岗14人。2025年引进的9名外地工程师中有5人因住房问题离职。企业2025年9月申请高新区人才公寓20套，因房源不足尚未分配。",
        "reasons": "高新区周边缺少中小户型租赁住房，外地人才安居成本高。",
        "request": "请求将企业纳入人才公寓优先保障名单，并协调人社部门开展定向招聘和技能培训补贴。",
        "kind": "scheduled",
        "units": ["rsj", "zjj", "gxq"],
    },
    {  # 25 scheduled — 北岚市欧亚班列运营有限公司
        "enterprise": 81,
        "fields": ["商务与口岸"],
        "title": "陆港海关监管作业场所验收推进",
        "facts": "企业投资1.1亿元建设的北岚陆港海关监管作业场所于2025年10月完工，包括查验平台、卡口和监控系统。由于口岸开放相关材料需市、区两级联合报送，验收申请至今未提交。2025年企业开行中欧方向班列46列，回程班列因无法在本地查验只能在外地清关。",
        "reasons": "监管场所未验收导致本地进口货物需绕行清关，每标箱增加成本约1800元。",
        "request": "请求市商务局牵头组织材料报送，争取在2026年上半年完成验收并投入运营。",
        "kind": "scheduled",
        "units": ["swj", "xgq"],
    },
    {  # 26 solved — 北岚市润泽医药物流有限公司
        "enterprise": 85,
        "fields": ["市场监管"],
        "title": "药品经营许可证仓库地址变更",
        "facts": "企业于2025年12月将药品仓库迁至新港区物流园B区，面积由3000平方米扩大至6500平方米。2026年1月申请药品经营许可证仓库地址变更，因材料中温湿度验证报告格式不符被退回两次。",
        "reasons": "企业对验证报告格式要求理解不一致，反复补正影响新仓启用。",
        "request": "请求明确材料要求并在2026年2月内完成变更审批。",
        "kind": "solved",
        "units": ["scjgj"],
    },
    {  # 27 solved — 云台县金土豆薯业有限公司
        "enterprise": 140,
        "fields": ["人力资源和社会保障", "农牧水利"],
        "title": "吸纳脱贫劳动力就业补贴申领",
        "facts": "企业2025年在云台县吸纳脱贫劳动力和农村低收入人口78人就业，按政策可申领吸纳就业补贴23.4万元。企业于2025年11月提交申请，因部分人员社保参保记录跨县未能比对，审核停滞。",
        "reasons": "相关人员均已签订一年以上劳动合同并按月缴纳社保。",
        "request": "请求打通参保记录核验，尽快拨付补贴。",
        "kind": "solved",
        "units": ["rsj", "nmj"],
    },
    {  # 28 solved — 北岚云图软件科技有限公司
        "enterprise": 1,
        "fields": ["财政与金融"],
        "title": "政府采购项目设置注册资本门槛",
        "facts": "2026年1月，某市级单位发布的信息系统运维服务采购项目（预算380万元）招标文件要求投标人注册资本不低于5000万元。企业注册资本1000万元，具备相应资质和类似项目业绩，因该条款无法参与投标。",
        "reasons": "以注册资本设置资格条件属于对中小企业的差别待遇。",
        "request": "请求责令招标单位修改招标文件，删除注册资本门槛。",
        "kind": "solved",
        "units": ["czj"],
    },
    {  # 29 explained — 北岚市金源焦化有限公司
        "enterprise": 31,
        "fields": ["生态环境", "工业和信息化"],
        "title": "重污染天气应急减排绩效分级评级",
        "facts": "企业于2025年完成干熄焦和烟气超低排放改造，投资约2.3亿元。2025年冬季重污染天气期间按C级企业执行限产30%，累计影响产量约4.1万吨。企业申请上调为B级，因部分物料运输未实现清洁化运输未获通过。",
        "reasons": "企业认为主要生产环节已达到B级标准，运输环节改造需要时间。",
        "request": "请求在2025—2026年采暖季内先行按B级管控，运输清洁化改造限期完成。",
        "kind": "explained",
        "units": ["sthjj", "gxj"],
    },
    {  # 30 explained — 北岚市天宇新能源化工有限公司
        "enterprise": 38,
        "fields": ["能源", "发展改革与项目"],
        "title": "甲醇扩产项目申请新增用能指标",
        "facts": "企业拟投资9.6亿元建设年产20万吨甲醇扩产项目，年综合能耗约28万吨标准煤。2025年11月申请节能审查时，因全市“十四五”能耗强度下降目标压力较大，项目暂未获得新增用能指标。",
        "reasons": "项目采用先进工艺，单位产品能耗优于行业标杆水平。",
        "request": "请求在全市用能指标中优先保障本项目，2026年内完成节能审查。",
        "kind": "explained",
        "units": ["fgw", "nyj"],
    },
    {  # 31 handover — 北岚市天香乳业有限公司
        "enterprise": 101,
        "fields": ["能源"],
        "title": "屋顶光伏项目并网接入受阻",
        "facts": "企业投资约900万元在岚山区生产基地屋顶建设2.5兆瓦分布式光伏，于2025年12月建成。供电部门要求加装防逆流装置，并称所在10千伏线路接入容量已满，并网时间待定。项目目前全部闲置，按测算每年损失发电收益约160万元。",
        "reasons": "岚山区多家企业屋顶光伏存在同类并网难问题，台区容量评估结果未向企业公开。",
        "request": "请求公开所在区域可接入容量，协调供电部门明确改造方案，在2026年6月前实现并网。",
        "kind": "handover",
        "units": ["nyj", "fgw", "lsq"],
    },
    {  # 32 handover — 北岚市顺捷供应链管理有限公司
        "enterprise": 66,
        "fields": ["交通运输与物流"],
        "title": "城市共同配送车辆通行证办理",
        "facts": "企业承担岚山区、新港区56家连锁便利店和药店的统仓统配业务，自有新能源厢式货车24辆。2026年1月申请城区通行证，仅获批6张，其余车辆只能在21:00后进入城区，部分门店无人收货。",
        "reasons": "新能源城市配送车辆按规定可优先办理通行证，企业车辆均符合条件。",
        "request": "请求为企业符合条件的新能源配送车辆全部办理通行证，并公开通行证核发标准。",
        "kind": "handover",
        "units": ["jtysj", "gaj"],
    },
    {  # 33 handover — 北岚市岚山建工集团有限公司
        "enterprise": 99,
        "fields": ["财政与金融", "住房和城乡建设"],
        "title": "政府投资学校项目工程款拖欠",
        "facts": "企业于2023年承建市第三中学教学楼改造工程，2024年8月竣工验收，2025年6月完成结算审计，审定金额2340万元。建设单位至今已付1220万元，尚欠1120万元，多次催要均答复资金未落实。",
        "reasons": "根据《保障中小企业款项支付条例》，机关、事业单位应在结算后及时支付款项。",
        "request": "请求在2026年6月底前付清欠款，并明确分期支付计划。",
        "kind": "handover",
        "units": ["czj", "zjj"],
    },
    {  # 34 handover — 北岚新港国际物流有限公司
        "enterprise": 64,
        "fields": ["商务与口岸", "交通运输与物流"],
        "title": "2025年度多式联运补贴兑现",
        "facts": "根据市里支持多式联运发展的政策，企业2025年完成公铁联运集装箱1.8万标箱，可申请补贴约270万元。企业于2026年1月提交申报材料，商务和交通部门对补贴由谁牵头审核存在分歧，材料至今未进入审核程序。",
        "reasons": "政策文件对审核牵头部门规定不清，企业无法确定申报主体。",
        "request": "请求明确牵头部门，在2026年二季度内完成审核并兑现补贴。",
        "kind": "handover",
        "units": ["swj", "jtysj"],
    },
    {  # 35 handover — 云台县天牧肉业有限公司
        "enterprise": 134,
        "fields": ["农牧水利", "生态环境"],
        "title": "屠宰加工废水接入县城污水管网",
        "facts": "企业年屠宰肉羊50万只，自建污水处理站设计能力每日800吨，旺季实际废水量达每日1100吨。县城污水处理厂管网距厂区约2.3公里，企业申请接入已一年多，因管网建设资金未落实无进展。",
        "reasons": "2026年起执行更严格的排放标准，企业自建设施无法长期满足旺季需求。",
        "request": "请求将厂区至县城污水管网连接段纳入2026年县级管网建设计划，企业可承担部分建设费用。",
        "kind": "handover",
        "units": ["shwj", "sthjj", "ytx"],
    },
    {  # 36 overdue — 北岚市瑞邦生物科技股份有限公司
        "enterprise": 2,
        "fields": ["财政与金融", "市场监管"],
        "title": "上市申报所需合规证明开具困难",
        "facts": "企业计划于2026年6月向证券交易所提交首次公开发行申请，需取得近三年市场监管、税务、社保等12个部门的无违法违规证明。截至2026年2月，已取得7份，市场监管等部门要求逐年分别申请，预计需要3个月。",
        "reasons": "申报材料有时效要求，证明开具周期过长可能导致申报窗口错失。",
        "request": "请求由市金融工作局统筹，推行上市企业合规证明“一次申请、集中出具”，在2026年4月前全部开具。",
        "kind": "overdue",
        "units": ["jrj", "scjgj"],
    },
    {  # 37 overdue — 北岚市北辰储能科技有限公司
        "enterprise": 21,
        "fields": ["住房和城乡建设", "自然资源与规划"],
        "title": "新建厂房竣工验收和不动产登记",
        "facts": "企业年产2GWh储能电池项目一期厂房于2025年9月完工，建筑面积4.6万平方米。因施工期间规划调整导致部分建筑与原规划许可不一致，竣工联合验收至今未通过，不动产权证无法办理。",
        "reasons": "规划调整系按高新区要求增加消防通道所致，并非企业擅自变更。",
        "request": "请求协调规划条件核实和竣工联合验收，在2026年一季度内完成不动产登记。",
        "kind": "overdue",
        "units": ["zjj", "zrzyj", "gxq"],
    },
    {  # 38 overdue — 北岚市汇通工业气体有限公司
        "enterprise": 43,
        "fields": ["应急管理与安全生产"],
        "title": "危险化学品经营许可证延续",
        "facts": "企业危险化学品经营许可证将于2026年4月到期，2025年12月提交延续申请。审查中发现企业储罐区与新建市政道路的安全间距按新标准不足，需要补充安全评价。企业已委托评价机构，但评价报告审查尚无明确时间。",
        "reasons": "安全间距不足系道路新建所致，企业储罐区位置未变动。",
        "request": "请求明确补充评价的审查时限，在许可证到期前完成延续，避免停业。",
        "kind": "overdue",
        "units": ["yjglj", "hkq"],
    },
    {  # 39 overdue — 云台县草原牧歌乳业有限公司
        "enterprise": 129,
        "fields": ["农牧水利", "自然资源与规划"],
        "title": "万头奶牛牧场设施农业用地备案",
        "facts": "企业在云台县新建存栏1万头奶牛的现代化牧场，总投资4.5亿元，需设施农业用地约680亩。2025年8月提交设施农业用地备案，因部分地块涉及永久基本农田调整尚未完成，备案至今未办结。",
        "reasons": "牧场是全市奶业振兴重点项目，已完成主体工程设计并确定施工单位。",
        "request": "请求加快基本农田调整和设施农业用地备案，确保2026年5月开工。",
        "kind": "overdue",
        "units": ["nmj", "zrzyj", "ytx"],
    },
    {  # 40 longterm — 北岚市恒通公路港有限公司
        "enterprise": 80,
        "fields": ["交通运输与物流", "住房和城乡建设"],
        "title": "物流园区连接线港兴路建设",
        "facts": "新港区物流园区至国道的连接线港兴路约4.8公里尚未建设，园区内40余家企业的重型货车只能通过乡村道路进出，日均通行约1500车次。2025年乡村道路多处路面损坏，发生交通事故5起。",
        "reasons": "港兴路已列入新港区“十四五”路网规划，因征地和资金问题迟迟未开工。",
        "request": "请求将港兴路列入市级重点交通项目，在2027年底前建成通车，建设期间对现有道路进行维修加固。",
        "kind": "longterm",
        "units": ["jtysj", "zjj", "xgq"],
    },
    {  # 41 longterm — 北岚市宝丰管业有限公司
        "enterprise": 53,
        "fields": ["自然资源与规划"],
        "title": "河口工业园区企业历史遗留土地证办理",
        "facts": "企业2013年入驻河口工业园区，厂区占地62亩，已缴纳土地出让金，但因园区当时用地报批手续不完整，至今未取得不动产权证。据企业了解，园区2012—2016年间入驻企业中有47家存在同类问题。企业因无土地证无法办理抵押贷款，2025年错失贷款约3000万元。",
        "reasons": "土地证办理障碍属历史遗留问题，企业已按约履行出让合同义务。",
        "request": "请求市自然资源局会同河口区制定历史遗留问题分类处置方案，分批为企业办理不动产权证。",
        "kind": "longterm",
        "units": ["zrzyj", "hkq"],
    },
    {  # 42 longterm — 云台县长风新能源有限公司
        "enterprise": 150,
        "fields": ["能源"],
        "title": "风光储项目送出线路和变电站扩建",
        "facts": "企业在云台县投资的30万千瓦风光储一体化项目一期15万千瓦已于2025年10月建成，因220千伏云台变电站主变容量不足，目前只能按60%功率限发。变电站扩建和配套送出线路工程计划2027年完成。",
        "reasons": "限发导致企业年损失发电收入约7000万元，影响二期投资决策。",
        "request": "请求推动变电站扩建和送出工程提前至2026年底完成，过渡期内优化调度减少限发。",
        "kind": "longterm",
        "units": ["nyj", "fgw", "ytx"],
    },
    {  # 43 closed — 北岚智联数据服务有限公司
        "enterprise": 3,
        "fields": ["财政与金融"],
        "title": "政务信息化项目尾款拖欠",
        "facts": "企业于2023年承建某市级部门数据共享平台项目，合同金额620万元，2024年3月通过终验。建设单位尚欠尾款186万元，企业多次催要未果。",
        "reasons": "项目已通过验收且无质量争议，拖欠尾款影响企业支付员工工资。",
        "request": "请求督促建设单位在2025年12月底前支付全部尾款。",
        "kind": "closed",
        "units": ["czj"],
    },
    {  # 44 closed — 北岚市迈科机器人有限公司
        "enterprise": 27,
        "fields": ["科技创新", "财政与金融"],
        "title": "首台套装备奖励和专利奖补兑现",
        "facts": "企业自主研发的焊接机器人工作站于2024年被认定为省级首台（套）重大技术装备，按市级政策应获配套奖励50万元。企业同年获授权发明专利4件，应获专利奖补12万元。上述资金自2025年3月公示后一直未拨付。",
        "reasons": "奖补资金已列入市级科技专项资金年度预算。",
        "request": "请求在2025年内兑现全部62万元奖补资金。",
        "kind": "closed",
        "units": ["kjj", "czj"],
    },
    {  # 45 closed — 北岚市岚山食品有限公司
        "enterprise": 95,
        "fields": ["生态环境"],
        "title": "速冻食品车间扩建环评审批",
        "facts": "企业投资3200万元扩建速冻食品车间，新增年产能1.5万吨。环评报告表于2025年5月报送，因项目所在地块污水排放去向不明确被要求补充材料。",
        "reasons": "厂区已接入城市污水管网，企业可提供排水许可证明。",
        "request": "请求明确补充材料要求，在2025年8月底前完成环评审批。",
        "kind": "closed",
        "units": ["sthjj", "lsq"],
    },
    {  # 46 closed — 云台县瑞雪羊绒制品有限公司
        "enterprise": 155,
        "fields": ["商务与口岸"],
        "title": "参加境外展会补贴申报",
        "facts": "企业2025年参加了德国和哈萨克斯坦两场国际纺织展会，支出展位费和差旅费约38万元。按照市级外贸促进政策可申请展会补贴，但申报通知发布时间晚，企业错过了申报时间。",
        "reasons": "企业实际参展并取得订单约420万元，符合补贴条件。",
        "request": "请求开放补充申报，并今后提前发布申报通知。",
        "kind": "closed",
        "units": ["swj"],
    },
    {  # 47 closed — 北岚市安达危险品运输有限公司
        "enterprise": 72,
        "fields": ["交通运输与物流", "应急管理与安全生产"],
        "title": "危化品运输车辆专用停车场建设用地",
        "facts": "企业有危险化学品运输车辆86辆，原停车场因新港区道路拓宽被征用，车辆临时分散停放在3处场地，存在安全隐患。企业申请在新港区化工物流片区新建专用停车场，需用地约30亩。",
        "reasons": "危化品运输车辆须集中停放并实施动态监控，分散停放不符合安全管理要求。",
        "request": "请求协调解决停车场建设用地，过渡期内提供符合安全条件的临时停放场地。",
        "kind": "closed",
        "units": ["jtysj", "yjglj", "xgq"],
    },
    {  # deferred — a demand in a field the current session does not take: scheduled for a later one
        "enterprise": 32,
        "fields": ["生态环境"],
        "title": "氯碱装置尾气治理设施改造环评批复",
        "facts": "企业计划投资2800万元改造氯碱装置尾气治理设施，2026年9月报送环境影响报告表，至今未获批复。生态环境部门答复需等待园区规划环评修编完成。",
        "reasons": "改造属于减排项目，不新增排放，不应受园区规划环评修编影响。",
        "request": "请求明确审批路径，在2027年一季度前完成环评批复。",
        "kind": "deferred",
        "units": ["sthjj"],
    },
]
